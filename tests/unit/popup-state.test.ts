import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DRAFT_TTL_MS } from '@/utils/draft';
import {
  EMPTY_DRAFT,
  forgetEverything,
  loadInitialState,
  saveDraft,
  setRememberApiKey,
  trustSite,
} from '@/utils/popup-state';
import { rememberedKey, sessionDraft, trustedSites } from '@/utils/storage';

const draft = { ...EMPTY_DRAFT, apiKey: 'a'.repeat(64), secret: 'top-secret', baseUrl: 'acme.passportalmsp.com' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('popup state', () => {
  it('keeps the draft in storage.session only, restores it within 10 minutes and drops it after', async () => {
    await saveDraft(draft, false, 1000);
    expect(await sessionDraft.getValue()).toEqual({ ...draft, savedAt: 1000 });
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('top-secret');
    expect((await browser.alarms.get('forget-draft'))?.scheduledTime).toBe(1000 + DRAFT_TTL_MS);

    expect(await loadInitialState(2000)).toEqual({ draft, restoredFrom: 'session', rememberApiKey: false });
    expect(await loadInitialState(1000 + DRAFT_TTL_MS)).toEqual({
      draft: null,
      restoredFrom: null,
      rememberApiKey: false,
    });
    expect(await sessionDraft.getValue()).toBeNull(); // an expired draft is deleted when seen
  });

  it('writes nothing for an empty draft', async () => {
    await saveDraft({ ...EMPTY_DRAFT, baseUrl: 'acme.passportalmsp.com' }, false, 1);
    expect(await sessionDraft.getValue()).toBeNull();
  });

  it('remembers the Access Key ID and Content String, never the secret, only when asked', async () => {
    await saveDraft(draft, false, 1);
    expect(await rememberedKey.getValue()).toBeNull();
    await setRememberApiKey(true, draft);
    expect(await rememberedKey.getValue()).toEqual({ apiKey: draft.apiKey, content: 'api-content-hash' });
    await sessionDraft.removeValue();
    expect((await loadInitialState(5)).draft).toEqual({ ...EMPTY_DRAFT, apiKey: draft.apiKey });
    await setRememberApiKey(false, draft);
    expect(await rememberedKey.getValue()).toBeNull();
  });

  it('Forget clears the draft and the remembered key at once', async () => {
    await setRememberApiKey(true, draft);
    await saveDraft(draft, true, 1);
    await forgetEverything();
    expect(await sessionDraft.getValue()).toBeNull();
    expect(await rememberedKey.getValue()).toBeNull();
    expect(await browser.alarms.get('forget-draft')).toBeUndefined();
  });

  it('trusts a site once', async () => {
    await trustSite('https://app.test');
    await trustSite('https://app.test');
    expect(await trustedSites.getValue()).toEqual(['https://app.test']);
  });
});
