/**
 * The core flow in real Firefox (Debian's firefox-esr) with the built Firefox MV3 extension: detect Passportal in
 * another tab, compute the HMAC, copy it (and the background page clears it), fill Nango's Connect form top-level
 * and inside a customer's app. The Chromium suite (tests/e2e) covers the rest of the behaviour in depth; this one
 * proves the same build logic works where Firefox differs.
 */
import { describe, expect, it } from 'vitest';
import { connectUrl, HOSTS } from '../e2e/server.ts';
import {
  API_KEY,
  button,
  CONTENT,
  fillVia,
  HMAC,
  inputValue,
  SECRET,
  setupFirefox,
  status,
  submitFilledForm,
  text,
  typeCredentials as type,
  typeInto,
  waitForConnectFrame,
  waitForHeading,
} from './harness.ts';

/** The extension API as seen from an extension page (evaluated there). */
declare const browser: {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; func: () => unknown }): Promise<{ result?: unknown }[]>;
  };
  storage: { session: { setAccessLevel?: unknown } };
  tabs: { query(q: { url?: string }): Promise<{ id?: number }[]> };
};

const DASHBOARD = `https://${HOSTS.passportal}/dashboard`;

const h = setupFirefox();
const typeCredentials = (popup: Parameters<typeof type>[0]) => type(popup, API_KEY, SECRET);

describe('core flow in Firefox', () => {
  it('shows the HMAC for a known secret, and the background page empties the clipboard after Copy', async () => {
    const popup = await h.openPopup();
    await typeCredentials(popup);
    expect(await inputValue(popup, 'Content String')).toBe(CONTENT);
    await expect.poll(() => text(popup, 'output')).toBe(HMAC);

    await (await button(popup, 'Copy HMAC')).click();
    await expect.poll(() => status(popup)).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(HMAC);
    // No offscreen API in Firefox: the clearing alarm runs in the event page, which has a document of its own.
    await popup.evaluate(() => browser.alarms.create('clear-clipboard', { when: Date.now() }));
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText())).toBe('');
  });

  it('detects the base URL from a Passportal tab and fills the top-level Connect form so Connect enables', async () => {
    await h.open(DASHBOARD);
    const connect = await h.open(connectUrl());
    await waitForHeading(connect);

    const popup = await h.openPopup();
    await expect.poll(() => inputValue(popup, 'Base URL')).toBe(HOSTS.passportal);
    expect(await popup.$$('::-p-text(From your open Passportal tab.)')).toHaveLength(1);
    expect(await text(popup, '[data-testid="target"]')).toContain('connect.nango.dev');

    await typeCredentials(popup);
    await expect.poll(() => text(popup, 'output')).toBe(HMAC);
    await fillVia(popup, 'trust');
    await expect.poll(() => status(popup)).toContain('Filled 4/4 fields.');

    const submission = await submitFilledForm(h.server, connect);
    expect(submission.host).toBe(HOSTS.connect);
    expect(submission.body).toEqual({
      credentials: { apiKey: API_KEY, hmacToken: HMAC, content: CONTENT },
      params: { base_url: HOSTS.passportal },
    });
  });

  it('fills the Connect UI inside a customer app iframe and names the embedding site', async () => {
    const app = await h.open(`https://${HOSTS.app}/`);
    const frame = await waitForConnectFrame(app);
    // Firefox ESR 153 has location.ancestorOrigins (older Firefox: the popup says "an unknown site" and asks
    // before every fill; see utils/connect-frame.ts embedderOf).
    const ancestors = await frame.evaluate(() => [...(location.ancestorOrigins ?? [])]);
    const named = ancestors.length > 0;
    if (named) expect(ancestors).toEqual([`https://${HOSTS.app}`]);

    const popup = await h.openPopup();
    expect(await text(popup, '[data-testid="target"]')).toContain(named ? HOSTS.app : 'an unknown site');
    await typeCredentials(popup);
    await typeInto(popup, 'Base URL', `https://${HOSTS.passportal}//dashboard#/default`);
    expect(await popup.$$(`::-p-text(Will use ${HOSTS.passportal}.)`)).toHaveLength(1);
    await fillVia(popup, named ? 'trust' : 'once');
    await expect.poll(() => status(popup)).toContain('Filled 4/4 fields.');
    if (named) expect(await status(popup)).toContain(`${HOSTS.app} (embeds Nango’s Connect UI)`);

    const submission = await submitFilledForm(h.server, frame);
    expect(submission.host).toBe(HOSTS.connect);
    expect(submission.body).toMatchObject({ credentials: { hmacToken: HMAC }, params: { base_url: HOSTS.passportal } });
  });
});

describe('Firefox platform facts the extension relies on', () => {
  it('grants the manifest host permissions at install (Firefox 127+), also to a temporary add-on', async () => {
    const popup = await h.openPopup();
    const { origins } = await popup.evaluate(() => browser.permissions.getAll());
    expect(origins).toEqual(expect.arrayContaining(['https://connect.nango.dev/*', 'https://*.passportalmsp.com/*']));
    expect(origins).not.toContain('https://*/*');
  });

  it('assigns the suggested shortcut Alt+Shift+K to opening the popup', async () => {
    const popup = await h.openPopup();
    const commands = await popup.evaluate(() => browser.commands.getAll());
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+K');
  });

  it('keeps storage.session (the secret draft) away from content scripts without setAccessLevel', async () => {
    const connect = await h.open(connectUrl());
    await waitForHeading(connect);
    const popup = await h.openPopup();
    const seen = await popup.evaluate(async (pattern) => {
      const [tab] = await browser.tabs.query({ url: pattern });
      if (tab?.id === undefined) return 'no Connect tab';
      const [result] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        // Runs as a content script (isolated world) in the Connect tab; serialised, so self-contained.
        func: () => {
          const storage = (globalThis as { browser?: { storage?: Record<string, unknown> } }).browser?.storage;
          return { local: typeof storage?.local, session: typeof storage?.session };
        },
      });
      return result?.result;
    }, `https://${HOSTS.connect}/*`);
    expect(seen).toEqual({ local: 'object', session: 'undefined' });
    // So Firefox has no setAccessLevel, and entrypoints/background.ts calls it only where it exists.
    expect(await popup.evaluate(() => typeof browser.storage.session.setAccessLevel)).toBe('undefined');
  });

  it('reaches no host the suite does not map', async () => {
    const page = await h.open('about:blank');
    await expect(page.goto('https://example.com/')).rejects.toThrow();
    expect(h.ff.proxy?.refused).toContain('example.com:443');
  });
});
