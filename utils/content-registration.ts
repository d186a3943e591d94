/**
 * Registers the Connect content script at runtime (all frames, document_idle) for Nango's Connect origin plus
 * any origins the user added. One mechanism for the built-in and the self-hosted origins.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
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

export const MENU_ID = 'fill-passportal';

/** "Fill Passportal credentials…" on Connect UI frames only; it opens the popup (the fill stays a popup click). */
export async function syncContextMenu(extraOrigins: readonly string[] = []): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuFill'),
    contexts: ['editable', 'page', 'frame'],
    documentUrlPatterns: connectMatches(extraOrigins),
  });
}

/** Opens the popup from the context menu; where the browser refuses, opens it as a small window. */
export async function openPopupFromMenu(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    await browser.windows.create({
      url: browser.runtime.getURL('/popup.html'),
      type: 'popup',
      width: 380,
      height: 640,
    });
  }
}
