import { defineConfig } from 'wxt';
import { localiseHtml } from './scripts/localise-html';
import { CONNECT_MATCHES, PASSPORTAL_MATCHES } from './utils/origins';

/** Firefox add-on id: permanent once published on addons.mozilla.org. */
const FIREFOX_ADDON_ID = 'passportal-connect-helper@msp-tools';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Every dependency is a visible import line (see ../shared/DESIGN.md).
  imports: false,
  // The popup's static shell takes its words from the locale file at build time (scripts/localise-html.ts).
  vite: () => ({ plugins: [localiseHtml(import.meta.dirname ?? process.cwd())] }),
  // Store archives: `npm run zip`. Firefox's sources archive is what AMO reviewers rebuild from; screenshots and
  // test leftovers are not needed for that.
  zip: { excludeSources: ['docs/screenshots/**', 'tests/e2e/.artifacts/**', 'tests/e2e/.fixtures-dist/**'] },
  manifest: ({ browser }) => ({
    // Every user-facing string is in public/_locales (utils/i18n.ts); English is complete.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // storage: last detected base URL, frame registry, settings (never secrets).
    // scripting: inject the Connect content script into tabs open before install/update; read Passportal's
    //   "Create access key" dialog only when the user asks.
    // contextMenus: "Fill Passportal credentials…" on Connect UI frames.
    // alarms: forget the session draft after 10 minutes even when no extension page is open.
    // activeTab: when the popup is opened from a tab, reach a Connect iframe there that was loaded before install.
    // clipboardWrite (+ offscreen in Chrome, whose service worker has no clipboard): empty the clipboard after the
    //   delay chosen in the options; the clipboard is never read.
    permissions: [
      'storage',
      'scripting',
      'contextMenus',
      'activeTab',
      'alarms',
      'clipboardWrite',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: [...CONNECT_MATCHES, ...PASSPORTAL_MATCHES],
    // Self-hosted Nango and custom Passportal domains, granted one origin at a time from the options page.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Alt+Shift+K ("key"): Chromium 150 silently leaves Alt+Shift+P unassigned (tests/e2e/options checks).
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandOpenPopup__' },
    },
    // Firefox: a fixed add-on id (MV3 needs one; the Firefox e2e suite pins the moz-extension:// UUID by it).
    // 140 (an ESR) is the first Firefox that honours data_collection_permissions (127 and older refuse a manifest
    // with the key); all else we use is older (MV3 109, storage.session 115). "none": nothing is collected.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ADDON_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none' as const] },
        },
        // Firefox for Android reads the key from 142 on (addons-linter: KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION).
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    content_security_policy: {
      // The only request the extension can make: the credential test the user starts, to a Passportal host.
      extension_pages: "script-src 'self'; object-src 'self'; connect-src https://*.passportalmsp.com",
    },
  }),
});
