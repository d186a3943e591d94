/**
 * A Vite plugin (used by wxt.config.ts) that fills `__MSG_key__` tokens in extension HTML pages from the default
 * locale file, at build time. Browsers substitute `__MSG_…__` in the manifest and CSS, not in HTML; the popup's
 * static shell (entrypoints/popup/index.html, painted before any script runs) needs its words without JavaScript,
 * so they come from public/_locales/en/messages.json like every other string. React then renders the same words
 * through `t()` in the user's own language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

interface Entry {
  message: string;
}

export function localiseHtml(root: string, locale = 'en'): Plugin {
  const file = path.join(root, 'public', '_locales', locale, 'messages.json');
  return {
    name: 'passportal:localise-html',
    transformIndexHtml(html) {
      const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
      return html.replace(/__MSG_(\w+)__/g, (token, key: string) => {
        const entry = catalogue[key];
        if (!entry) throw new Error(`${token}: no such key in ${path.relative(root, file)}`);
        if (/\$[A-Z0-9_]+\$|\$\d/i.test(entry.message)) throw new Error(`${token}: HTML cannot fill placeholders`);
        return entry.message.replace(/\$\$/g, '$').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      });
    },
  };
}
