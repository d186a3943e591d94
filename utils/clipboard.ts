/**
 * Clearing the copied HMAC Token from the clipboard after a delay (default 60 s, 0 = never).
 *
 * Trade-off: we never read the clipboard (that would need the "Read data you copy and paste" permission), so
 * after the delay the clipboard is emptied even if the user copied something else in the meantime — as
 * password managers do. Users who mind choose a longer delay or "Never" in the options.
 */
import { browser } from 'wxt/browser';

export const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';

/** Schedules the clearing (from the popup, right after a copy). Alarms outlive the popup. */
export async function scheduleClipboardClear(seconds: number, now = Date.now()): Promise<void> {
  if (seconds <= 0) {
    await browser.alarms.clear(CLEAR_CLIPBOARD_ALARM);
    return;
  }
  await browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: now + seconds * 1000 });
}

/** Writes an empty string to the clipboard with a `copy` event, the way that works without focus. */
export function emptyClipboard(doc: Document): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

/** Background side: Chrome needs an offscreen document; Firefox's background page has a document itself. */
export async function clearClipboardNow(): Promise<void> {
  const offscreen = (browser as { offscreen?: typeof browser.offscreen }).offscreen;
  if (!offscreen) {
    if (typeof document !== 'undefined') emptyClipboard(document);
    return;
  }
  try {
    await offscreen.createDocument({
      url: browser.runtime.getURL('/offscreen.html'),
      reasons: ['CLIPBOARD' as Parameters<typeof offscreen.createDocument>[0]['reasons'][number]],
      justification: 'Clear the copied HMAC Token from the clipboard after the delay chosen in the options.',
    });
  } finally {
    await offscreen.closeDocument().catch(() => {});
  }
}
