/**
 * The popup's memory between openings: the short-lived session draft, the optional remembered Access Key ID,
 * and the sites the user trusts for filling. Decisions are pure (utils/draft.ts, utils/trust.ts).
 */
import { browser } from 'wxt/browser';
import { DEFAULT_CONTENT, type Draft } from './credentials';
import { DRAFT_TTL_MS, freshDraft, isEmptyDraft } from './draft';
import { rememberedKey, sessionDraft, settings, trustedSites } from './storage';
import { withTrusted } from './trust';

export const FORGET_ALARM = 'forget-draft';
export const EMPTY_DRAFT: Draft = { apiKey: '', secret: '', content: DEFAULT_CONTENT, baseUrl: '' };

export interface InitialState {
  /** What to show, or null when nothing was kept. */
  draft: Draft | null;
  restoredFrom: 'session' | 'remembered' | null;
  rememberApiKey: boolean;
}

export async function loadInitialState(now = Date.now()): Promise<InitialState> {
  const [saved, remembered, prefs] = await Promise.all([
    sessionDraft.getValue(),
    rememberedKey.getValue(),
    settings.getValue(),
  ]);
  const draft = freshDraft(saved, now);
  if (draft) return { draft, restoredFrom: 'session', rememberApiKey: prefs.rememberApiKey };
  if (saved) await sessionDraft.removeValue(); // expired: do not keep it a moment longer
  if (prefs.rememberApiKey && remembered) {
    return { draft: { ...EMPTY_DRAFT, ...remembered }, restoredFrom: 'remembered', rememberApiKey: true };
  }
  return { draft: null, restoredFrom: null, rememberApiKey: prefs.rememberApiKey };
}

/** Keeps the draft for at most 10 minutes in storage.session; an alarm forgets it even if the popup never reopens. */
export async function saveDraft(draft: Draft, rememberApiKey: boolean, now = Date.now()): Promise<void> {
  if (isEmptyDraft(draft, { ...EMPTY_DRAFT, baseUrl: draft.baseUrl })) {
    await sessionDraft.removeValue();
  } else {
    await sessionDraft.setValue({ ...draft, savedAt: now });
    await browser.alarms.create(FORGET_ALARM, { when: now + DRAFT_TTL_MS });
  }
  if (rememberApiKey) await rememberedKey.setValue({ apiKey: draft.apiKey.trim(), content: draft.content.trim() });
}

export async function setRememberApiKey(on: boolean, draft: Draft): Promise<void> {
  await settings.setValue({ ...(await settings.getValue()), rememberApiKey: on });
  if (on) await rememberedKey.setValue({ apiKey: draft.apiKey.trim(), content: draft.content.trim() });
  else await rememberedKey.removeValue();
}

/** "Forget": the draft (secret included) and the remembered key are gone at once. */
export async function forgetEverything(): Promise<void> {
  await Promise.all([sessionDraft.removeValue(), rememberedKey.removeValue(), browser.alarms.clear(FORGET_ALARM)]);
}

export async function trustSite(site: string): Promise<void> {
  await trustedSites.setValue(withTrusted(await trustedSites.getValue(), site));
}

export function getTrustedSites(): Promise<string[]> {
  return trustedSites.getValue();
}
