/**
 * Registers the Connect content script at runtime (all frames, document_idle) for Nango's Connect origin plus
 * any origins the user added. One mechanism for the built-in and the self-hosted origins.
 */
import { browser } from 'wxt/browser';
import { CONNECT_MATCHES } from './origins';

export const CONNECT_SCRIPT_ID = 'connect-frame';
/** Where WXT builds `entrypoints/connect-frame.ts`. */
export const CONNECT_SCRIPT_FILE = '/connect-frame.js';

/** Match patterns for the Connect script: the built-in ones and `https://host/*` for each extra origin. */
export function connectMatches(extraOrigins: readonly string[] = []): string[] {
  return [...new Set([...CONNECT_MATCHES, ...extraOrigins.map((o) => `${o}/*`)])];
}

/** Makes the registered Connect script match exactly `connectMatches(extraOrigins)`. */
export async function syncConnectScript(extraOrigins: readonly string[] = []): Promise<string[]> {
  const matches = connectMatches(extraOrigins);
  const script = {
    id: CONNECT_SCRIPT_ID,
    matches,
    js: [CONNECT_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONNECT_SCRIPT_ID] });
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}
