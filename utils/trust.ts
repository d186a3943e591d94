/**
 * Which site a fill goes to, and whether the user has already agreed to fill that site.
 * Threat: a hostile app embeds the real Connect UI with its own Nango session to harvest credentials. So the
 * first fill into a new embedding site needs one explicit confirmation, remembered per site; a site the
 * browser does not name (no `ancestorOrigins`) is confirmed every time.
 */
import type { Embedder } from './messaging';

/** The site a user trusts or not: the embedding origin, or the Connect origin itself when top-level. */
export function siteOf(embedder: Embedder, frameOrigin: string): string | null {
  switch (embedder.kind) {
    case 'top-level':
      return frameOrigin;
    case 'embedded':
      return embedder.origin;
    case 'unknown':
      return null;
  }
}

export type Confirmation = { needed: false } | { needed: true; site: string | null };

export function confirmationFor(site: string | null, trusted: readonly string[]): Confirmation {
  if (site !== null && trusted.includes(site)) return { needed: false };
  return { needed: true, site };
}

export function withTrusted(trusted: readonly string[], site: string): string[] {
  return trusted.includes(site) ? [...trusted] : [...trusted, site].sort();
}
