import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { EN, getMessage } from './i18n-fake';

const ROOT = path.resolve(__dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, dir, f));
}
const CODE = [
  ...sources('entrypoints'),
  ...sources('components'),
  ...sources('utils'),
  path.join(ROOT, 'wxt.config.ts'),
];
/** Extension pages: their static text is `__MSG_key__`, filled at build time (scripts/localise-html.ts). */
const HTML = readdirSync(path.join(ROOT, 'entrypoints'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .map((f) => path.join(ROOT, 'entrypoints', f));

describe('the English catalogue (public/_locales/en/messages.json)', () => {
  it('defines every placeholder it uses, uses every one it defines, and numbers them $1, $2… in order', () => {
    for (const [key, entry] of Object.entries(EN)) {
      const used = [...entry.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => (m[1] as string).toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(defined));
      expect(
        defined.map((name) => entry.placeholders?.[name]?.content),
        key,
      ).toEqual(defined.map((_, i) => `$${i + 1}`));
    }
  });

  it('has no key that nothing uses', () => {
    const code = [...CODE, ...HTML].map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(EN).filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('substitutes like the browser does', () => {
    expect(getMessage('filledCount', ['3', '4'])).toBe('Filled 3/4 fields.');
    expect(t('filledCount', 4, 4)).toBe('Filled 4/4 fields.');
    expect(t('siteEmbedded', 'app.customer.test')).toBe('app.customer.test (embeds Nango’s Connect UI)');
  });
});

describe('user-facing text lives in the locale files', () => {
  it('leaves no English literal in JSX text or in label-like attributes', () => {
    const offenders: string[] = [];
    for (const file of [...CODE.filter((f) => f.endsWith('.tsx')), ...HTML]) {
      const text = readFileSync(file, 'utf8');
      const patterns = [
        /(?<![=-])>\s*([A-Za-z][^<>{}();]*[a-z][^<>{}();]*)</g, // JSX text (not the `>` of `=>`)
        /\b(?:label|placeholder|aria-label|title|confirmLabel|description|text)="(?!__MSG_)([^"]*[A-Za-z][^"]*)"/g,
        /<title>(?!__MSG_)([^<]+)<\/title>/g,
        /\b(?:label|placeholder|confirmLabel|title|description|text):\s*'([^']*[a-z ][^']*)'/g,
      ];
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
          const literal = match[1]?.trim() ?? '';
          // Example addresses in placeholders are data, not words.
          if (!/^https?:\/\/\S+$/.test(literal) && !/^__MSG_\w+__$/.test(literal))
            offenders.push(`${path.relative(ROOT, file)}: ${literal}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
