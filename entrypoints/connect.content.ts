import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { embedderOf, fillFrame, probeFrame } from '@/utils/connect-frame';
import { frameHello, isExtensionPageSender, parseContentRequest } from '@/utils/messaging';
import { CONNECT_MATCHES, isAllowedConnectOrigin } from '@/utils/origins';

// Answers the popup's "what is here?" and "fill" for one Connect UI frame. Never acts on its own.
export default defineContentScript({
  matches: CONNECT_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main() {
    if (!isAllowedConnectOrigin(location.origin)) return;
    // Injected again on demand after an install/update: answer once per frame.
    const flag = '__passportalConnectHelper';
    const g = globalThis as Record<string, unknown>;
    if (g[flag]) return;
    g[flag] = true;

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      const request = parseContentRequest(message);
      if (!request) return undefined;
      if (!isExtensionPageSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
      // Re-checked at fill time: the frame may have navigated since the script was injected.
      if (!isAllowedConnectOrigin(location.origin)) return undefined;
      return Promise.resolve(request.kind === 'probe' ? probeFrame(window) : fillFrame(window, request.values));
    });
    browser.runtime.sendMessage(frameHello(embedderOf(window))).catch(() => {});
  },
});
