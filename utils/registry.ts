/**
 * The background's bookkeeping, written against the extension API but free of wiring so unit tests can
 * drive it with WXT's fakeBrowser: Passportal tab detection (badge + remembered host) and the registry of
 * Connect UI frames.
 */
import { type Browser, browser } from 'wxt/browser';
import { CONNECT_SCRIPT_FILE } from './content-registration';
import { t } from './i18n';
import { isConnectFrameSender, parseFrameHello, type SenderLike } from './messaging';
import { isAllowedConnectOrigin } from './origins';
import { passportalHostFromUrl } from './passportal-host';
import { connectFrames, lastPassportalHost, settings } from './storage';
import { type FrameTarget, removeTab, upsertFrame } from './targets';

export const BADGE_TEXT = 'P';
export const BADGE_COLOR = '#1a7f37';

/** Marks a Passportal tab on the toolbar and remembers its host; clears the mark elsewhere. */
export async function noteTabUrl(tabId: number, url: string | undefined, now = Date.now()): Promise<void> {
  const host = passportalHostFromUrl(url, (await settings.getValue()).extraPassportalOrigins);
  await browser.action.setBadgeText({ tabId, text: host ? BADGE_TEXT : '' });
  if (!host) return;
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setTitle({ tabId, title: t('actionTitleDetected', host) });
  await lastPassportalHost.setValue({ host, seenAt: now });
}

// Registry writes are read-modify-write on storage.session: run them one after another.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => {});
  return next;
}

/** Handles a Connect frame's hello: only from our own content script on an allowed Connect origin. */
export async function onFrameHello(message: unknown, sender: SenderLike, now = Date.now()): Promise<boolean> {
  const hello = parseFrameHello(message);
  const extra = (await settings.getValue()).extraConnectOrigins;
  if (!hello || !isConnectFrameSender(sender, browser.runtime.id, (o) => isAllowedConnectOrigin(o, extra))) {
    return false;
  }
  const record = {
    tabId: sender.tab.id,
    frameId: sender.frameId,
    origin: new URL(sender.url).origin,
    embedder: hello.embedder,
    seenAt: now,
  };
  return serial(async () => {
    await connectFrames.setValue(upsertFrame(await connectFrames.getValue(), record));
    return true;
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(async () => connectFrames.setValue(removeTab(await connectFrames.getValue(), tabId)));
}

/**
 * After install or update, Connect tabs that were already open have no (or an orphaned) content script:
 * inject it into every frame we have host access to. Tabs we cannot access just refuse; that is fine.
 * Returns the frames it reached (the script itself ignores frames that are not on a Connect origin).
 */
export async function injectIntoOpenTabs(tabs?: Browser.tabs.Tab[]): Promise<FrameTarget[]> {
  const all = tabs ?? (await browser.tabs.query({}));
  const reached = await Promise.all(
    all.map(async (tab): Promise<FrameTarget[]> => {
      const tabId = tab.id;
      if (typeof tabId !== 'number') return [];
      try {
        const results = await browser.scripting.executeScript({
          target: { tabId, allFrames: true },
          files: [CONNECT_SCRIPT_FILE],
        });
        return results.map((r) => ({ tabId, frameId: r.frameId }));
      } catch {
        return []; // No access to this tab (another site, a browser page): nothing of ours runs there.
      }
    }),
  );
  return reached.flat();
}
