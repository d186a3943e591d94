import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT } from '@/utils/credentials';
import { DRAFT_TTL_MS, freshDraft, isEmptyDraft } from '@/utils/draft';
import { confirmText } from '@/utils/messages';
import { confirmationFor, siteOf, withTrusted } from '@/utils/trust';

describe('trust per embedding site', () => {
  it('names the site: the embedder, the Connect origin when top-level, nothing when unknown', () => {
    expect(siteOf({ kind: 'embedded', origin: 'https://app.test' }, 'https://connect.nango.dev')).toBe(
      'https://app.test',
    );
    expect(siteOf({ kind: 'top-level' }, 'https://connect.nango.dev')).toBe('https://connect.nango.dev');
    expect(siteOf({ kind: 'unknown' }, 'https://connect.nango.dev')).toBeNull();
  });

  it('asks for a new site, not for a trusted one, and every time for an unknown one', () => {
    expect(confirmationFor('https://app.test', [])).toEqual({ needed: true, site: 'https://app.test' });
    expect(confirmationFor('https://app.test', ['https://app.test'])).toEqual({ needed: false });
    expect(confirmationFor(null, ['https://app.test'])).toEqual({ needed: true, site: null });
    expect(withTrusted(['https://b.test'], 'https://a.test')).toEqual(['https://a.test', 'https://b.test']);
    expect(withTrusted(['https://a.test'], 'https://a.test')).toEqual(['https://a.test']);
    expect(confirmText('https://app.test')).toMatch(/^First fill on app\.test/);
    expect(confirmText(null)).toMatch(/does not say which site/);
  });
});

describe('session draft', () => {
  const draft = { apiKey: 'k', secret: 's', content: DEFAULT_CONTENT, baseUrl: 'a.passportalmsp.com' };

  it('is restored for at most 10 minutes', () => {
    expect(freshDraft({ ...draft, savedAt: 1000 }, 1000 + DRAFT_TTL_MS - 1)).toEqual(draft);
    expect(freshDraft({ ...draft, savedAt: 1000 }, 1000 + DRAFT_TTL_MS)).toBeNull();
    expect(freshDraft({ ...draft, savedAt: 5000 }, 1000)).toBeNull(); // clock went backwards: do not trust it
    expect(freshDraft(null, 1)).toBeNull();
  });

  it('knows when there is nothing worth keeping', () => {
    const empty = { apiKey: '', secret: '', content: DEFAULT_CONTENT, baseUrl: '' };
    expect(isEmptyDraft(empty, empty)).toBe(true);
    expect(isEmptyDraft({ ...empty, secret: 'x' }, empty)).toBe(false);
  });
});
