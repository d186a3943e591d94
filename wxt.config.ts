import { defineConfig } from 'wxt';
import { CONNECT_MATCHES, PASSPORTAL_MATCHES } from './utils/origins';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Every dependency is a visible import line (see ../shared/DESIGN.md).
  imports: false,
  manifest: {
    name: 'Passportal Connect Helper',
    description:
      "Connect N-able Passportal to Nango: detect the base URL, compute the HMAC locally, fill Nango's Connect form in one click.",
    // storage: last detected base URL and the frame registry (never secrets).
    // scripting: inject the Connect content script into tabs that were open before install/update.
    permissions: ['storage', 'scripting'],
    host_permissions: [...CONNECT_MATCHES, ...PASSPORTAL_MATCHES],
    action: { default_title: 'Passportal Connect Helper' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
    },
  },
});
