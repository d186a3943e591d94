/**
 * The origins the extension works with. Kept in one place so the manifest, the content script's
 * fill-time re-check and the tests agree.
 */

/** Nango's hosted Connect UI. Self-hosted origins come later via options. */
export const CONNECT_ORIGINS = ['https://connect.nango.dev'] as const;

/** Match patterns for the Connect content script and its host permission. */
export const CONNECT_MATCHES = ['https://connect.nango.dev/*'];

/** Match patterns for Passportal tenant dashboards (`https://<name>.passportalmsp.com`). */
export const PASSPORTAL_MATCHES = ['https://*.passportalmsp.com/*'];

/** True when `origin` (e.g. `location.origin`) is an origin we may fill on. */
export function isAllowedConnectOrigin(origin: string): boolean {
  return (CONNECT_ORIGINS as readonly string[]).includes(origin);
}
