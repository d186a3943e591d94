/**
 * Least privilege and no remote code (docs/SECURITY.md, threats 8 and 9), on the built extension: the manifest
 * asks for exactly what is listed and justified, the bundles hold no eval and load nothing remote, and in
 * Chromium the extension CSP really refuses a request to anything but a Passportal host.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { setupExtension } from './harness.ts';
import { EXTENSION_DIR } from './paths.ts';
import { connectUrl, HOSTS } from './server.ts';

declare const chrome: WxtBrowser;

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string };
}

const manifest = async () => JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;

const h = setupExtension();

describe('least privilege', () => {
  it('asks for exactly the justified permissions and nothing broad', async () => {
    const m = await manifest();
    // Each one is justified in wxt.config.ts and docs/SECURITY.md; a new one must be added there and here.
    expect([...(m.permissions ?? [])].sort()).toEqual(
      ['activeTab', 'alarms', 'clipboardWrite', 'contextMenus', 'offscreen', 'scripting', 'storage'].sort(),
    );
    expect(m.permissions).not.toContain('tabs');
    expect(m.permissions).not.toContain('webNavigation');
    expect(m.permissions).not.toContain('clipboardRead');
    expect(m.host_permissions).toEqual(['https://connect.nango.dev/*', 'https://*.passportalmsp.com/*']);
    const everything = JSON.stringify(m);
    expect(everything).not.toContain('<all_urls>');
    expect(everything).not.toMatch(/"(\*|http:\/\/\*|\*:\/\/\*)\/\*"/);
    // Optional hosts are requested one origin at a time from the options page, never all at once.
    expect(m.optional_host_permissions).toEqual(['https://*/*']);
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    // Content scripts are registered at runtime for the Connect origins only (utils/content-registration.ts).
    expect(m.content_scripts).toBeUndefined();
  });

  it('allows no remote or eval-ed code, and connects only to Passportal', async () => {
    const csp = (await manifest()).content_security_policy?.extension_pages ?? '';
    expect(csp).toBe("script-src 'self'; object-src 'self'; connect-src https://*.passportalmsp.com");
    const files = (await readdir(EXTENSION_DIR, { recursive: true })).filter((f) => /\.(js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = await readFile(path.join(EXTENSION_DIR, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(|<script[^>]+src=["']?https?:/);
    }
  });

  it('holds at run time: granted permissions match, and the CSP blocks any other request', async () => {
    const granted = await h.ext.serviceWorker.evaluate(() => chrome.permissions.getAll());
    expect([...(granted.origins ?? [])].sort()).toEqual(
      ['https://*.passportalmsp.com/*', 'https://connect.nango.dev/*'].sort(),
    );
    const popup = await h.openPopup();
    const attempt = (url: string) =>
      popup.evaluate(
        (u) =>
          fetch(u, { method: 'POST', body: '{}' }).then(
            (r) => `answered ${r.status}`,
            (e: Error) => `refused: ${e.message}`,
          ),
        url,
      );
    expect(await attempt(`https://${HOSTS.connect}/__submit`)).toMatch(/^refused/);
    expect(await attempt(`https://${HOSTS.evil}/`)).toMatch(/^refused/);
    // The one allowed destination: the user's Passportal host (the fixture answers the token call).
    expect(await attempt(`https://${HOSTS.passportal}/api/v2/auth/client_token`)).toMatch(/^answered 4\d\d/);
  });

  it('keeps storage.session (where the 10-minute draft lives) out of reach of content scripts', async () => {
    await h.ext.serviceWorker.evaluate(() => chrome.storage.session.set({ probe: 'only for trusted contexts' }));
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const results = await h.ext.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      // Runs in a content-script world of the Connect page, like our own content script would.
      return chrome.scripting.executeScript({
        target: { tabId: tab?.id ?? -1 },
        func: async () => {
          const read = async (area: 'session' | 'local') => {
            try {
              return `read ${JSON.stringify(await chrome.storage[area].get(null)).length} bytes`;
            } catch (error) {
              return `refused: ${(error as Error).message}`;
            }
          };
          return { session: await read('session'), local: await read('local') };
        },
      });
    }, `https://${HOSTS.connect}/*`);
    // storage.local is readable there (so nothing secret may live in it); storage.session is not.
    expect(results[0]?.result).toEqual({
      session: expect.stringMatching(/^refused/),
      local: expect.stringMatching(/^read /),
    });
    await h.ext.serviceWorker.evaluate(() => chrome.storage.session.remove('probe'));
  });
});
