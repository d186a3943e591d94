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

/** True when `origin` (e.g. `location.origin`) is an origin we may fill on: Nango's, or one the user added. */
export function isAllowedConnectOrigin(origin: string, extraOrigins: readonly string[] = []): boolean {
  return (CONNECT_ORIGINS as readonly string[]).includes(origin) || extraOrigins.includes(origin);
}

export type OriginInputError = 'empty' | 'not-https' | 'has-path' | 'userinfo' | 'invalid-host' | 'built-in';

/**
 * Parses what a user types as an extra origin in the options page (`https://connect.example.com`, a trailing
 * slash allowed). Only https, no path, no user info. Never throws.
 */
export function parseOriginInput(
  input: string,
  builtIn: readonly string[] = [],
): { ok: true; origin: string } | { ok: false; error: OriginInputError } {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'invalid-host' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'not-https' };
  if (url.username || url.password) return { ok: false, error: 'userinfo' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return { ok: false, error: 'has-path' };
  const labels = url.hostname.split('.');
  if (labels.length < 2 || labels.every((l) => /^\d+$/.test(l)) || url.hostname.startsWith('[')) {
    return { ok: false, error: 'invalid-host' };
  }
  if (builtIn.includes(url.origin)) return { ok: false, error: 'built-in' };
  return { ok: true, origin: url.origin };
}
