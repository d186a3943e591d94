import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { embedderOf, fillFrame, probeFrame } from '@/utils/connect-frame';
import { frameHello, isExtensionPageSender, parseContentRequest } from '@/utils/messaging';
import { extraConnectOrigins, nativeRuntime } from '@/utils/native-runtime';
import { isAllowedConnectOrigin } from '@/utils/origins';

// The Connect UI content script: answers the popup's "what is here?" and "fill" for one frame, never acts on
// its own. An unlisted script registered by the background (utils/content-registration.ts), not a manifest
// entry: WXT's content-script wrapper would bundle webextension-polyfill into every Connect frame.
export default defineUnlistedScript(async () => {
  // Nango's origin, or a self-hosted one the user added in the options (the script only runs where we hold
  // host permission, and the list is re-checked here and at fill time).
  const runtime = nativeRuntime();
  const extra = await extraConnectOrigins();
  if (!isAllowedConnectOrigin(location.origin, extra)) return;
  // Injected again on demand after an install/update: answer once per frame.
  const g = globalThis as Record<string, unknown>;
  if (g.__passportalConnectHelper) return;
  g.__passportalConnectHelper = true;

  runtime.onMessage.addListener((message, sender, sendResponse) => {
    const request = parseContentRequest(message);
    if (!request || !isExtensionPageSender(sender, runtime.id, runtime.getURL('/'))) return;
    // Re-checked at fill time: the frame may have navigated since the script was injected.
    if (!isAllowedConnectOrigin(location.origin, extra)) return;
    sendResponse(request.kind === 'probe' ? probeFrame(window) : fillFrame(window, request.values));
  });
  runtime.sendMessage(frameHello(embedderOf(window)))?.catch(() => {});
});
