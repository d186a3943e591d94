/**
 * Every stored item of the extension, typed, with defaults. No raw storage keys anywhere else.
 * Never store the Secret Access Key or the HMAC token here (see docs on secrets in README).
 */
import { storage } from 'wxt/utils/storage';
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
