/**
 * Every stored item of the extension, typed, with defaults. No raw storage keys anywhere else.
 * The Secret Access Key is only ever in `sessionDraft` (storage.session, trusted contexts, ≤ 10 minutes);
 * the HMAC token is never stored.
 */
import { storage } from 'wxt/utils/storage';
import type { SavedDraft } from './draft';
import type { ConnectFrameRecord, RememberedHost } from './targets';

/** The last Passportal host seen in a tab. Not a secret, so storage.local is fine. */
export const lastPassportalHost = storage.defineItem<RememberedHost | null>('local:lastPassportalHost', {
  fallback: null,
  version: 1,
});

/**
 * Connect UI frames that announced themselves (tab id, frame id, origin, embedding site). storage.session:
 * it dies with the browser session, and by default only trusted extension contexts can read it.
 */
export const connectFrames = storage.defineItem<ConnectFrameRecord[]>('session:connectFrames', {
  fallback: [],
});

/** What the user typed, so a popup closed by a click elsewhere loses nothing. Cleared by Forget or after 10 min. */
export const sessionDraft = storage.defineItem<SavedDraft | null>('session:draft', { fallback: null });

/** Sites the user confirmed once for filling (embedding origins, or the Connect origin when top-level). */
export const trustedSites = storage.defineItem<string[]>('local:trustedSites', { fallback: [], version: 1 });

export interface Settings {
  /** Keep the Access Key ID and Content String across sessions (never the secret). Off by default. */
  rememberApiKey: boolean;
  /** Clear the copied HMAC from the clipboard after this many seconds; 0 = never. */
  clipboardClearSeconds: number;
  /** Self-hosted Nango Connect origins, e.g. https://connect.example.com (host permission granted at runtime). */
  extraConnectOrigins: string[];
  /** Custom Passportal domains, e.g. https://vault.example.com. */
  extraPassportalOrigins: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  rememberApiKey: false,
  clipboardClearSeconds: 60,
  extraConnectOrigins: [],
  extraPassportalOrigins: [],
};

export const settings = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** Remembered only when the user ticks "Remember Access Key ID". Not secret on its own. */
export const rememberedKey = storage.defineItem<{ apiKey: string; content: string } | null>('local:rememberedKey', {
  fallback: null,
  version: 1,
});
