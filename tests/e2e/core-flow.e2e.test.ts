/**
 * The core flow in real Chromium with the built extension: detect Passportal in another tab, compute the HMAC,
 * copy it, fill Nango's Connect form (top-level and inside a customer's app), and never fill anything else.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import {
  axeViolations,
  fillVia,
  formValues,
  setupExtension,
  status,
  typeCredentials as type,
  waitForConnectFrame,
} from './harness.ts';
import { shot } from './launch.ts';
import { connectUrl, HOSTS } from './server.ts';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: WxtBrowser;

const API_KEY = '3f'.repeat(16) + 'a0'.repeat(16);
const SECRET = 'e2e-Secret/Access+Key==';
const CONTENT = 'api-content-hash';
const HMAC = createHmac('sha256', SECRET).update(CONTENT).digest('hex');
const DASHBOARD = `https://${HOSTS.passportal}/dashboard#/default`;

const h = setupExtension();
const open = (url: string) => h.open(url);
const openPopup = () => h.openPopup();
const typeCredentials = (popup: Parameters<typeof type>[0], apiKey = API_KEY, secret = SECRET) =>
  type(popup, apiKey, secret);

describe('core flow', () => {
  it('detects Passportal in another tab, shows the HMAC, copies it and fills the Connect form so Connect enables', async () => {
    const dashboard = await open(DASHBOARD);
    const connect = await open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();

    // The toolbar badge marks the Passportal tab, not the Connect tab.
    const badges = await h.ext.serviceWorker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map(async (t) => [t.url ?? '', await chrome.action.getBadgeText({ tabId: t.id })]));
    });
    expect(badges).toContainEqual([DASHBOARD, 'P']);
    expect(badges.find(([url]) => url?.startsWith('https://connect.nango.dev'))?.[1]).toBe('');

    const popup = await openPopup();
    await expect.poll(() => popup.getByLabel('Base URL').inputValue()).toBe(HOSTS.passportal);
    expect(await popup.getByText('From your open Passportal tab.').count()).toBe(1);
    expect(await popup.getByTestId('target').textContent()).toContain('connect.nango.dev');

    await typeCredentials(popup);
    await expect.poll(() => popup.locator('output').textContent()).toBe(HMAC);

    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy HMAC' }).click();
    await expect.poll(() => status(popup).textContent()).toContain('Copied');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(HMAC);
    await shot(popup, 'popup-ready', { publish: true });

    await fillVia(popup, 'trust');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(await status(popup).textContent()).toContain('connect.nango.dev');
    await shot(popup, 'popup-filled', { publish: true });
    expect(await axeViolations(popup)).toEqual([]);

    expect(await formValues(connect)).toMatchObject({
      'credentials.apiKey': API_KEY,
      'credentials.hmacToken': HMAC,
      'credentials.content': CONTENT,
      'params.base_url': HOSTS.passportal,
    });
    const button = connect.getByRole('button', { name: 'Connect' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await shot(connect, 'connect-filled', { publish: true });
    await button.click();
    const submission = await h.server.waitForSubmission();
    expect(submission.body).toEqual({
      credentials: { apiKey: API_KEY, hmacToken: HMAC, content: CONTENT },
      params: { base_url: HOSTS.passportal },
    });
    await dashboard.close();
  });

  it('fills the Connect UI inside a customer app iframe and names the embedding site', async () => {
    const app = await open(`https://${HOSTS.app}/`);
    const frame = await waitForConnectFrame(app);
    const popup = await openPopup();
    expect(await popup.getByTestId('target').textContent()).toContain(HOSTS.app);
    await typeCredentials(popup);
    await popup.getByLabel('Base URL').fill(`https://${HOSTS.passportal}//dashboard#/default`);
    expect(await popup.getByText(`Will use ${HOSTS.passportal}.`).count()).toBe(1);
    await fillVia(popup, 'trust');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(await status(popup).textContent()).toContain(`${HOSTS.app} (embeds Nango’s Connect UI)`);
    expect(await formValues(frame)).toMatchObject({
      'params.base_url': HOSTS.passportal,
      'credentials.hmacToken': HMAC,
    });
    await expect.poll(() => frame.getByRole('button', { name: 'Connect' }).isEnabled()).toBe(true);
    await shot(app, 'host-app-filled', { publish: true });
    await frame.getByRole('button', { name: 'Connect' }).click();
    const submission = await h.server.waitForSubmission();
    expect(submission.host).toBe(HOSTS.connect);
  });

  it('does not demand a Base URL when the integration preset and hid it, and leaves that field alone', async () => {
    const connect = await open(connectUrl(['hideBaseUrl']));
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const popup = await openPopup();
    await popup.getByLabel('Base URL').fill('');
    await typeCredentials(popup);
    await fillVia(popup, 'none');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 3/3 fields.');
    expect(await status(popup).textContent()).toContain('Left alone (not shown by this form): Passportal Base URL.');
    await connect.getByRole('button', { name: 'Connect' }).click();
    const submission = await h.server.waitForSubmission();
    expect(submission.body).toMatchObject({ params: { base_url: 'preset.passportalmsp.com' } });
  });

  it('fills by label when the integration renamed the inputs, and skips hidden honeypots', async () => {
    for (const variant of ['relabel', 'honeypot'] as const) {
      const connect = await open(connectUrl([variant]));
      await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
      const popup = await openPopup();
      await popup.getByLabel('Base URL').fill(HOSTS.passportal);
      await typeCredentials(popup);
      await fillVia(popup, 'none');
      await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
      const values = await formValues(connect);
      for (const [name, value] of Object.entries(values)) if (name.startsWith('decoy:')) expect(value, name).toBe('');
      await expect.poll(() => connect.getByRole('button', { name: 'Connect' }).isEnabled()).toBe(true);
      await connect.close();
      await popup.close();
    }
  });

  it('refuses bad input with a clear message and puts nothing in the form', async () => {
    const connect = await open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const popup = await openPopup();
    await popup.getByLabel('Base URL').fill('acme.passportalmsp.com:8443');
    await typeCredentials(popup, `${API_KEY.slice(0, 63)}`, '  ');
    await fillVia(popup, 'auto');
    await expect.poll(() => status(popup).textContent()).toContain('Not filled. Fix');
    expect(await popup.getByText('The Access key ID is 64 hexadecimal characters; this one has 63.').count()).toBe(1);
    expect(await popup.getByText(/Enter the Secret access key/).count()).toBe(1);
    expect(await popup.getByText(/Remove the port/).count()).toBe(1);
    await shot(popup, 'popup-errors', { publish: true });
    expect(Object.values(await formValues(connect)).every((v) => v === '')).toBe(true);
  });

  it('never fills a copy of the form on another origin, and never takes a lookalike Passportal host', async () => {
    const evil = await open(connectUrl([], HOSTS.evil));
    await evil.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    await open(`https://${HOSTS.lookalike}/dashboard`);
    // Start from a clean memory so "remembered" cannot stand in for detection.
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.clear());
    const popup = await openPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('No Connect form found yet');
    expect(await popup.getByLabel('Base URL').inputValue()).toBe('');
    await typeCredentials(popup);
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await fillVia(popup, 'auto');
    await expect.poll(() => status(popup).textContent()).toContain('No Nango Connect form found');
    expect(Object.values(await formValues(evil)).every((v) => v === '')).toBe(true);
  });

  it('remembers the last Passportal host after its tab is closed', async () => {
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.clear());
    const dashboard = await open(DASHBOARD);
    await expect
      .poll(() => h.ext.serviceWorker.evaluate(async () => (await chrome.storage.local.get(null)).lastPassportalHost))
      .toMatchObject({ host: HOSTS.passportal });
    await dashboard.close();
    const popup = await openPopup();
    expect(await popup.getByLabel('Base URL').inputValue()).toBe(HOSTS.passportal);
    expect(await popup.getByText('Remembered from your last Passportal visit.').count()).toBe(1);
  });
});

describe('Connect tabs open before the extension was installed or updated', () => {
  it('fills a top-level Connect tab by injecting the content script on demand; an iframe elsewhere needs a reload', async () => {
    // Simulate pages loaded while the extension was not there: no content script, no registry entry.
    await h.ext.serviceWorker.evaluate(async () => {
      await chrome.scripting.unregisterContentScripts();
      await chrome.storage.session.clear();
    });
    const app = await open(`https://${HOSTS.app}/`);
    const frame = await waitForConnectFrame(app);
    const connect = await open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    expect(await connect.evaluate(() => '__passportalConnectHelper' in window)).toBe(false);
    await h.ext.serviceWorker.evaluate(async () => {
      await chrome.scripting.registerContentScripts([
        { id: 'connect-frame', matches: ['https://connect.nango.dev/*'], js: ['/connect-frame.js'], allFrames: true },
      ]);
    });

    let popup = await openPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('connect.nango.dev');
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await typeCredentials(popup);
    await fillVia(popup, 'auto');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    await expect.poll(() => connect.getByRole('button', { name: 'Connect' }).isEnabled()).toBe(true);
    await popup.close();
    await connect.close();

    // Chrome refuses to inject into a frame of a tab whose top page we may not access (the customer's app),
    // unless the user opened the popup from that tab (activeTab). A popup opened as a page has no such grant,
    // so it must say what to do instead of failing silently.
    popup = await openPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('reload that page');
    await popup.close();
    await app.reload();
    const reloaded = await waitForConnectFrame(app);
    popup = await openPopup();
    expect(await popup.getByTestId('target').textContent()).toContain(HOSTS.app);
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await typeCredentials(popup);
    await fillVia(popup, 'auto');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(await formValues(reloaded)).toMatchObject({ 'credentials.hmacToken': HMAC });
    expect(frame.isDetached()).toBe(true);
  });
});
