/**
 * A stand-in for `browser.i18n.getMessage` over our real English catalogue, following the rules Chrome and
 * Firefox apply: `$NAME$` placeholders are replaced by their `content`, then `$1`…`$9` by the substitutions,
 * then `$$` by `$`. WXT's fakeBrowser leaves i18n unimplemented; tests/unit/setup.ts installs this.
 */
import catalogue from '@/public/_locales/en/messages.json';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export const EN = catalogue as Record<string, CatalogueEntry>;

export function getMessage(key: string, substitutions: string | string[] = []): string {
  const entry = EN[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole)
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}
