/**
 * Passportal hosts: detecting a Passportal dashboard tab and normalising what a user types into the
 * "Passportal Base URL" (a bare hostname; Nango's form shows the `https://` prefix itself).
 */

/** `<name>.passportalmsp.com`, one DNS label before the domain; `www` is the vendor's site, not a tenant. */
const TENANT_HOST = /^(?!www\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.passportalmsp\.com$/;

/** True when `host` (lowercase, no port) is a Passportal tenant host such as `us-clover.passportalmsp.com`. */
export function isKnownPassportalHost(host: string): boolean {
  return TENANT_HOST.test(host);
}

/**
 * True only for `https://<name>.passportalmsp.com/...` with no userinfo and no explicit port.
 * Lookalikes (`acme.passportalmsp.com.evil.test`), `http:` and garbage are never taken.
 */
export function isPassportalUrl(url: string | undefined | null, extraOrigins: readonly string[] = []): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A custom Passportal domain the user added in the options (exact https origin, granted at runtime).
  if (parsed.protocol === 'https:' && extraOrigins.includes(parsed.origin)) return true;
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    isKnownPassportalHost(parsed.hostname)
  );
}

/** The base URL (hostname) of a Passportal tab, or null when the URL is not a Passportal dashboard. */
export function passportalHostFromUrl(
  url: string | undefined | null,
  extraOrigins: readonly string[] = [],
): string | null {
  return url && isPassportalUrl(url, extraOrigins) ? new URL(url).hostname : null;
}

export type BaseUrlError =
  | 'empty'
  | 'spaces'
  | 'scheme'
  | 'userinfo'
  | 'port'
  | 'ip-address'
  | 'single-label'
  | 'invalid-host';

export type BaseUrlResult =
  /** `known: false` → warn "not a known Passportal host" (custom domains exist). */
  { ok: true; host: string; known: boolean } | { ok: false; error: BaseUrlError };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Accepts a bare host (`acme.passportalmsp.com`) or a pasted URL
 * (`https://acme.passportalmsp.com//dashboard#/default`) and returns the bare lowercase hostname.
 * Refuses what is not a DNS hostname: userinfo, a port, spaces, single-label names, IP addresses.
 * Never throws.
 */
export function normaliseBaseUrl(input: string): BaseUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (/\s/.test(text)) return { ok: false, error: 'spaces' };

  let rest = text;
  const scheme = SCHEME.exec(text);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'https') return { ok: false, error: 'scheme' };
    rest = text.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) && !/^[^:/]+:\d/.test(text)) {
    // `mailto:x`, `javascript:…` — a scheme without `//` that is not `host:port`.
    return { ok: false, error: 'scheme' };
  }
  const authority = rest.split(/[/?#\\]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, error: 'userinfo' };
  if (authority.startsWith('[')) return { ok: false, error: 'ip-address' };
  if (authority.includes(':')) return { ok: false, error: 'port' };
  if (authority === '') return { ok: false, error: 'invalid-host' };

  // Let the URL parser do IDNA (unicode → punycode) and lowercasing, then check DNS rules ourselves.
  let host: string;
  try {
    host = new URL(`https://${authority}/`).hostname;
  } catch {
    return { ok: false, error: 'invalid-host' };
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host.length > 253) return { ok: false, error: 'invalid-host' };
  const labels = host.split('.');
  if (labels.every((label) => /^\d+$/.test(label)) || /^(?:0x[0-9a-f]*|\d+)$/i.test(labels.at(-1) ?? '')) {
    return { ok: false, error: 'ip-address' };
  }
  if (labels.length < 2) return { ok: false, error: 'single-label' };
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, error: 'invalid-host' };
  return { ok: true, host, known: isKnownPassportalHost(host) };
}
