import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CLEAR_CLIPBOARD_ALARM, clearClipboardNow } from '@/utils/clipboard';
import { MENU_ID, openPopupFromMenu, syncConnectScript, syncContextMenu } from '@/utils/content-registration';
import { FORGET_ALARM } from '@/utils/popup-state';
import { forgetTab, injectIntoOpenTabs, noteTabUrl, onFrameHello } from '@/utils/registry';
import { sessionDraft, settings } from '@/utils/storage';

// Wiring only: Passportal tab watcher + badge, registry of Connect frames, content script and context menu
// registration (built-in + user-added origins), forgetting the session draft.
export default defineBackground(() => {
  // The session draft holds the secret: only trusted extension contexts (not content scripts) may read it.
  // Chrome's default already; said explicitly so a browser with another default cannot widen it.
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FORGET_ALARM) void sessionDraft.removeValue();
    if (alarm.name === CLEAR_CLIPBOARD_ALARM) void clearClipboardNow();
  });

  const syncAll = async () => {
    const { extraConnectOrigins } = await settings.getValue();
    await Promise.all([syncConnectScript(extraConnectOrigins), syncContextMenu(extraConnectOrigins)]);
  };
  settings.watch(() => void syncAll());
  browser.runtime.onStartup.addListener(() => void syncAll());
  browser.runtime.onInstalled.addListener(async () => {
    await syncAll();
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) if (typeof tab.id === 'number') void noteTabUrl(tab.id, tab.url);
    await injectIntoOpenTabs(tabs);
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void openPopupFromMenu();
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Without the `tabs` permission, URLs are visible only for hosts we have access to (Passportal, Connect).
    if (change.url || change.status === 'complete') void noteTabUrl(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Returning undefined (not a promise) for messages that are not a frame hello leaves them to others.
    if ((message as { kind?: unknown } | null)?.kind !== 'connect-frame-hello') return undefined;
    return onFrameHello(message, sender);
  });
});
