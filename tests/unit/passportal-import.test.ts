import { describe, expect, it } from 'vitest';
import {
  type ImportProblem,
  importedText,
  importProblemText,
  parsePeek,
  parseReading,
  pickPassportalTab,
} from '@/utils/passportal-import';

const KEY = 'c'.repeat(64);

describe('pickPassportalTab', () => {
  const popup = { id: 9, url: 'chrome-extension://abc/popup.html', active: true, windowId: 1, lastAccessed: 200 };

  it('takes the active Passportal tab of the popup window', () => {
    const tabs = [
      { id: 1, url: 'https://other.passportalmsp.com/', windowId: 1, lastAccessed: 99 },
      { id: 2, url: 'https://acme.passportalmsp.com/settings/api-keys', active: true, windowId: 1, lastAccessed: 5 },
    ];
    expect(pickPassportalTab(tabs, { windowId: 1 })).toBe(2);
  });

  it('else the most recently used Passportal tab; an active one in another window counts only by recency', () => {
    const tabs = [
      { id: 1, url: 'https://connect.nango.dev/', active: true, windowId: 1, lastAccessed: 100 },
      { id: 2, url: 'https://older.passportalmsp.com/', windowId: 1, lastAccessed: 10 },
      { id: 3, url: 'https://newer.passportalmsp.com/', windowId: 1, lastAccessed: 50 },
      { id: 4, url: 'https://elsewhere.passportalmsp.com/', active: true, windowId: 2, lastAccessed: 20 },
    ];
    expect(pickPassportalTab(tabs, { windowId: 1 })).toBe(3);
  });

  it('leaves out the popup’s own tab (a popup opened as a page is the active tab)', () => {
    const tabs = [popup, { id: 2, url: 'https://acme.passportalmsp.com/', windowId: 1, lastAccessed: 150 }];
    expect(pickPassportalTab(tabs, { tabId: 9, windowId: 1 })).toBe(2);
    // Even a Passportal URL is skipped when it is our own tab.
    expect(pickPassportalTab([{ ...popup, url: 'https://acme.passportalmsp.com/' }], { tabId: 9 })).toBeNull();
  });

  it('never a lookalike, http, a port, or a tab without an id; null when there is no Passportal tab', () => {
    const tabs = [
      { id: 1, url: 'https://acme.passportalmsp.com.evil.test/', active: true, windowId: 1, lastAccessed: 300 },
      { id: 2, url: 'http://acme.passportalmsp.com/', lastAccessed: 299 },
      { id: 3, url: 'https://acme.passportalmsp.com:8443/', lastAccessed: 298 },
      { id: 4, url: 'https://www.passportalmsp.com/', lastAccessed: 297 },
      { url: 'https://acme.passportalmsp.com/', lastAccessed: 296 },
      { id: 6, lastAccessed: 295 },
    ];
    expect(pickPassportalTab(tabs, { windowId: 1 })).toBeNull();
    expect(pickPassportalTab([])).toBeNull();
  });
});

describe('parsePeek', () => {
  it('keeps the preview and nothing else, even if an answer carried more', () => {
    expect(parsePeek({ ok: true, apiKeyPreview: '3f3f…a0a0', secret: 'leak' })).toEqual({
      ok: true,
      apiKeyPreview: '3f3f…a0a0',
    });
    expect(parsePeek({ ok: false, reason: 'secret-hidden', apiKeyPreview: '3f3f…a0a0', secret: 'x' })).toEqual({
      ok: false,
      reason: 'secret-hidden',
      apiKeyPreview: '3f3f…a0a0',
    });
  });

  it.each([
    [undefined],
    [null],
    ['ok'],
    [[]],
    [{ ok: true }],
    [{ ok: true, apiKeyPreview: KEY }],
    [{ ok: 'true', apiKeyPreview: '3f3f…a0a0' }],
  ])('treats %j as no answer', (x) => {
    expect(parsePeek(x)).toEqual({ ok: false, reason: 'no-answer' });
  });

  it('maps unknown reasons to no-answer and drops a preview that is not one', () => {
    expect(parsePeek({ ok: false, reason: 'pwned' })).toEqual({ ok: false, reason: 'no-answer' });
    expect(parsePeek({ ok: false, reason: 'no-dialog', apiKeyPreview: KEY })).toEqual({
      ok: false,
      reason: 'no-dialog',
    });
  });
});

describe('parseReading', () => {
  it('accepts a 64-hex key and a secret without whitespace', () => {
    expect(parseReading({ ok: true, apiKey: KEY, secret: 's3cr3t/+=' })).toEqual({
      ok: true,
      apiKey: KEY,
      secret: 's3cr3t/+=',
    });
  });

  it.each([
    [{ ok: true, apiKey: KEY.slice(1), secret: 's' }, 'bad-key'],
    [{ ok: true, apiKey: 42, secret: 's' }, 'bad-key'],
    [{ ok: true, apiKey: KEY, secret: '' }, 'bad-secret'],
    [{ ok: true, apiKey: KEY, secret: 'a b' }, 'bad-secret'],
    [{ ok: true, apiKey: KEY }, 'bad-secret'],
    [{ ok: false, reason: 'several-dialogs' }, 'several-dialogs'],
    [undefined, 'no-answer'],
  ])('%j → %s', (x, reason) => {
    expect(parseReading(x)).toMatchObject({ ok: false, reason });
  });
});

describe('importProblemText', () => {
  it('says what to do, in the words the issue asks for', () => {
    expect(importProblemText('secret-hidden')).toBe('Click Show key in Passportal first.');
    expect(importProblemText('no-dialog')).toBe('No Create access key dialog is open in Passportal.');
    expect(importProblemText('unrecognised')).toBe(
      'Could not read the key from this Passportal page — paste it instead.',
    );
    expect(importedText()).toBe('Imported from Passportal.');
  });

  it('has a sentence for every problem', () => {
    const all: ImportProblem[] = [
      'not-passportal',
      'no-dialog',
      'several-dialogs',
      'secret-hidden',
      'unrecognised',
      'bad-key',
      'bad-secret',
      'no-answer',
    ];
    for (const reason of all) expect(importProblemText(reason)).toMatch(/^[A-Z].+\.$/);
  });
});
