import { describe, expect, it } from 'vitest';
import { blockingErrors, DEFAULT_CONTENT, type Draft, requiredDraftKeys, validateDraft } from '@/utils/credentials';

const KEY = 'a'.repeat(32) + 'F0'.repeat(16);
const good: Draft = { apiKey: KEY, secret: 's3cret', content: DEFAULT_CONTENT, baseUrl: 'acme.passportalmsp.com' };

describe('validateDraft', () => {
  it('accepts a complete draft without warnings', () => {
    expect(validateDraft(good)).toEqual({ values: good, errors: {}, warnings: {} });
  });

  it.each([
    [{ apiKey: '' }, 'apiKey', { code: 'empty' }],
    [{ apiKey: 'abc' }, 'apiKey', { code: 'api-key-length', length: 3 }],
    [{ apiKey: `${KEY}0` }, 'apiKey', { code: 'api-key-length', length: 65 }],
    [{ apiKey: `${KEY.slice(0, 63)}g` }, 'apiKey', { code: 'api-key-chars', bad: 'g' }],
    [{ apiKey: `${KEY.slice(0, 32)} ${KEY.slice(33)}` }, 'apiKey', { code: 'api-key-chars', bad: ' ' }],
    [{ secret: '' }, 'secret', { code: 'empty' }],
    [{ secret: '   ' }, 'secret', { code: 'empty' }],
    [{ content: '' }, 'content', { code: 'empty' }],
    [{ baseUrl: '' }, 'baseUrl', { code: 'base-url', error: 'empty' }],
    [{ baseUrl: 'acme.passportalmsp.com:444' }, 'baseUrl', { code: 'base-url', error: 'port' }],
  ])('%j → error on %s', (patch, key, problem) => {
    const v = validateDraft({ ...good, ...patch });
    expect(v.errors).toEqual({ [key]: problem });
  });

  it('ignores surrounding whitespace (a paste accident) and says so', () => {
    const v = validateDraft({
      apiKey: ` ${KEY}\n`,
      secret: 's3cret\n',
      content: ' api-content-hash',
      baseUrl: ' acme.passportalmsp.com',
    });
    expect(v.errors).toEqual({});
    expect(v.values).toEqual(good);
    expect(v.warnings).toEqual({
      apiKey: { code: 'trimmed' },
      secret: { code: 'trimmed' },
      content: { code: 'trimmed' },
      baseUrl: { code: 'trimmed' },
    });
  });

  it('reduces a pasted dashboard URL to its host', () => {
    const v = validateDraft({ ...good, baseUrl: 'https://acme.passportalmsp.com//dashboard#/default' });
    expect(v.values.baseUrl).toBe('acme.passportalmsp.com');
    expect(v.errors).toEqual({});
  });

  it('allows a custom domain with a warning', () => {
    const v = validateDraft({ ...good, baseUrl: 'vault.example.com' });
    expect(v.errors).toEqual({});
    expect(v.warnings.baseUrl).toEqual({ code: 'unknown-host', host: 'vault.example.com' });
  });
});

describe('what a fill requires', () => {
  it('needs the secret and content for the HMAC field', () => {
    expect(requiredDraftKeys(['apiKey', 'hmacToken', 'content', 'baseUrl']).sort()).toEqual(
      ['apiKey', 'baseUrl', 'content', 'secret'].sort(),
    );
  });

  it('does not demand a Base URL when the form does not show one', () => {
    const v = validateDraft({ ...good, baseUrl: '' });
    expect(blockingErrors(v, ['apiKey', 'hmacToken', 'content'])).toEqual([]);
    expect(blockingErrors(v, ['apiKey', 'hmacToken', 'content', 'baseUrl'])).toEqual(['baseUrl']);
  });

  it('blocks on an invalid key even when everything else is fine', () => {
    const v = validateDraft({ ...good, apiKey: 'nope' });
    expect(blockingErrors(v, ['apiKey', 'hmacToken', 'content', 'baseUrl'])).toEqual(['apiKey']);
  });
});
