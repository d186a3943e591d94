import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isKnownPassportalHost,
  isPassportalUrl,
  normaliseBaseUrl,
  passportalHostFromUrl,
} from '@/utils/passportal-host';

describe('isPassportalUrl', () => {
  it.each([
    'https://acme.passportalmsp.com/dashboard#/default',
    'https://acme.passportalmsp.com/',
    'https://us-clover.passportalmsp.com/login',
    'https://ca-clover.passportalmsp.com/',
    'https://uk-clover.passportalmsp.com/',
    'https://au-clover.passportalmsp.com/',
    'https://ACME.PassportalMSP.com/x',
  ])('takes %s', (url) => {
    expect(isPassportalUrl(url)).toBe(true);
  });

  it.each([
    'http://acme.passportalmsp.com/',
    'https://acme.passportalmsp.com.evil.test/',
    'https://passportalmsp.com.evil/',
    'https://passportalmsp.com-evil.io/',
    'https://passportalmsp.com/',
    'https://www.passportalmsp.com/',
    'https://evilpassportalmsp.com/',
    'https://a.b.passportalmsp.com/',
    'https://user:pw@acme.passportalmsp.com/',
    'https://acme.passportalmsp.com:8443/',
    'https://xn--pssportal-q1a.passportalmsp.com.evil/',
    'https://-acme.passportalmsp.com/',
    'chrome://extensions',
    'not a url',
    '',
    undefined,
    null,
  ])('never takes %s', (url) => {
    expect(isPassportalUrl(url)).toBe(false);
  });

  it('extracts the host', () => {
    expect(passportalHostFromUrl('https://Acme.passportalmsp.com//dashboard#/default')).toBe('acme.passportalmsp.com');
    expect(passportalHostFromUrl('https://acme.passportalmsp.com.evil.test/')).toBeNull();
  });
});

describe('normaliseBaseUrl', () => {
  it.each([
    ['acme.passportalmsp.com', 'acme.passportalmsp.com', true],
    ['  acme.passportalmsp.com \n', 'acme.passportalmsp.com', true],
    ['https://acme.passportalmsp.com//dashboard#/default', 'acme.passportalmsp.com', true],
    ['HTTPS://ACME.PASSPORTALMSP.COM/', 'acme.passportalmsp.com', true],
    ['acme.passportalmsp.com/dashboard?x=1', 'acme.passportalmsp.com', true],
    ['acme.passportalmsp.com.', 'acme.passportalmsp.com', true],
    ['us-clover.passportalmsp.com', 'us-clover.passportalmsp.com', true],
    ['vault.example.com', 'vault.example.com', false],
    ['bücher.example', 'xn--bcher-kva.example', false],
  ])('%j → %s (known %s)', (input, host, known) => {
    expect(normaliseBaseUrl(input)).toEqual({ ok: true, host, known });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['acme passportalmsp.com', 'spaces'],
    ['http://acme.passportalmsp.com', 'scheme'],
    ['ftp://acme.passportalmsp.com', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://user:pw@acme.passportalmsp.com', 'userinfo'],
    ['user@acme.passportalmsp.com', 'userinfo'],
    ['acme.passportalmsp.com:8443', 'port'],
    ['https://acme.passportalmsp.com:443/', 'port'],
    ['localhost', 'single-label'],
    ['https://acme/', 'single-label'],
    ['127.0.0.1', 'ip-address'],
    ['https://10.0.0.5/x', 'ip-address'],
    ['[::1]', 'ip-address'],
    ['0x7f.1', 'ip-address'],
    ['acme_corp.passportalmsp.com', 'invalid-host'],
    ['-acme.passportalmsp.com', 'invalid-host'],
    ['https:///path', 'invalid-host'],
    ['a..b.com', 'invalid-host'],
  ])('%j is refused as %s', (input, error) => {
    expect(normaliseBaseUrl(input)).toEqual({ ok: false, error });
  });

  it('never throws and returns a DNS hostname or a typed error for any string', () => {
    const hostname = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.domain(),
          fc
            .tuple(fc.constantFrom('https://', 'http://', '//', ' ', ''), fc.domain(), fc.string())
            .map((p) => p.join('')),
        ),
        (input) => {
          const result = normaliseBaseUrl(input);
          if (result.ok) {
            expect(result.host).toMatch(hostname);
            expect(result.known).toBe(isKnownPassportalHost(result.host));
          } else expect(typeof result.error).toBe('string');
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('never takes a lookalike for a Passportal tab, whatever is appended, prefixed or swapped in', () => {
    const lookalike = fc.oneof(
      fc.domain().map((d) => `https://acme.passportalmsp.com.${d}/dashboard`),
      fc.domain().map((d) => `https://acme.${d}/passportalmsp.com`),
      fc.domain().map((d) => `https://passportalmsp.com-${d}/`),
      fc.domain().map((d) => `https://${d}@acme.passportalmsp.com.evil.test/`),
      fc.domain().map((d) => `http://${d.split('.')[0]}.passportalmsp.com/`),
      fc.integer({ min: 1, max: 65535 }).map((port) => `https://acme.passportalmsp.com:${port}/`),
    );
    fc.assert(
      fc.property(lookalike, (url) => {
        expect(isPassportalUrl(url), url).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});
