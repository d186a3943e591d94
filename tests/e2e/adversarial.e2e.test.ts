/**
 * The adversarial suite (docs/SECURITY.md): one attack page per threat, in real Chromium with the built extension.
 * Each test asserts that nothing was filled and what the user is told. The attack pages are our own
 * (tests/e2e/fixtures/attacks.ts), served under the real host names by server.ts.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { CLIPPED_KINDS, HIDDEN_KINDS, type HiddenKind } from './fixtures/attacks.ts';
import { fillVia, formValues, setupExtension, status, typeCredentials, waitForConnectFrame } from './harness.ts';
import { shot } from './launch.ts';
import { connectUrl, HOSTS } from './server.ts';
import { FIXTURE_KEY, FIXTURE_SECRET } from './token-endpoint.ts';

declare const chrome: WxtBrowser;

const h = setupExtension();

/** Every input of the page (or frame) is still empty. */
async function untouched(page: Page | Frame): Promise<void> {
  const values = await formValues(page);
  expect(Object.keys(values).length, 'the attack page has inputs').toBeGreaterThan(0);
  expect(values).toEqual(Object.fromEntries(Object.keys(values).map((k) => [k, ''])));
}

async function readyPopup(): Promise<Page> {
  const popup = await h.openPopup();
  await popup.getByLabel('Base URL').fill(HOSTS.passportal);
  await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
  return popup;
}

const attackUrl = (kind: string, host: string = HOSTS.connect) => `https://${host}/__attack/${kind}`;
const trust = (sites: string[]) =>
  h.ext.serviceWorker.evaluate((s) => chrome.storage.local.set({ trustedSites: s }), sites);
const trustedSites = async () =>
  (await h.ext.serviceWorker.evaluate(() => chrome.storage.local.get('trustedSites'))).trustedSites ?? [];

describe('1. a page on another origin that imitates the Connect form', () => {
  it('is never filled, top-level or as an attack page', async () => {
    const copies = [await h.open(connectUrl([], HOSTS.evil)), await h.open(attackUrl('opaque-overlay', HOSTS.evil))];
    await copies[0]?.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('No Connect form found yet');
    await fillVia(popup, 'none');
    await expect.poll(() => status(popup).textContent()).toMatch(/^No Nango Connect form found/);
    for (const page of copies) await untouched(page as Page);
    // The content script does not even run there.
    expect(await copies[0]?.evaluate(() => '__passportalConnectHelper' in window)).toBe(false);
  });
});

describe('2. a lookalike Connect host inside a host app', () => {
  it('is never filled and never named as the target', async () => {
    const app = await h.open(`https://${HOSTS.app}/lookalike`);
    const find = () => app.frames().find((f) => f.url().startsWith(`https://${HOSTS.connectLookalike}/`));
    await expect.poll(() => find() !== undefined, { message: 'the lookalike iframe loaded' }).toBe(true);
    const frame = find();
    await (frame as Frame).getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('No Connect form found yet');
    await fillVia(popup, 'none');
    await expect.poll(() => status(popup).textContent()).toMatch(/^No Nango Connect form found/);
    await untouched(frame as Frame);
  });
});

describe('3. the real Connect UI embedded by a new, possibly hostile site', () => {
  it('names the embedding site, asks before the first fill there, and fills nothing on Cancel', async () => {
    // Nango's own page is trusted already: trust is per embedding site, so this must not carry over.
    await trust([`https://${HOSTS.connect}`]);
    const hostile = await h.open(`https://${HOSTS.evil}/__embed`);
    const frame = await waitForConnectFrame(hostile);
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toContain(`${HOSTS.evil} (embeds Nango’s Connect UI)`);
    await popup.getByRole('button', { name: 'Fill connect form' }).click();
    const dialog = popup.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`First fill on ${HOSTS.evil}.`);
    await shot(popup, 'attack-new-site');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await status(popup).textContent()).toBe('Not filled.');
    await untouched(frame);
    expect(await trustedSites()).toEqual([`https://${HOSTS.connect}`]);
  });
});

describe('4. hidden fields (honeypots) and covered fields', () => {
  it.each(Object.keys(HIDDEN_KINDS) as HiddenKind[])('refuses a form whose fields are hidden by %s', async (kind) => {
    await trust([`https://${HOSTS.connect}`]);
    const page = await h.open(attackUrl(kind));
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toMatch(
      CLIPPED_KINDS.includes(kind)
        ? /^Fills the Connect form on connect\.nango\.dev/
        : /^Found a Connect form on connect\.nango\.dev .*, but none of its fields can be filled safely\.$/,
    );
    await fillVia(popup, 'none');
    const text = await status(popup).textContent();
    // Style and size checks see the field as hidden; a clipped field only shows as "covered" to the hit test.
    expect(text).toMatch(
      CLIPPED_KINDS.includes(kind)
        ? /^Filled 0\/4 fields\. Not filled — API Access Key ID: another element covers the field;/
        : /^Not filled: the Connect form on connect\.nango\.dev .* shows no field that can be filled safely — API Access Key ID, HMAC Token, Content String, Passportal Base URL: the field (is hidden|has no visible size|is placed off the page)\.$/,
    );
    await untouched(page);
    if (kind === 'ancestor-opacity') await shot(popup, 'attack-hidden-fields');
  });

  it.each(['transparent-overlay', 'opaque-overlay'])('fills nothing when a %s covers the form', async (kind) => {
    await trust([`https://${HOSTS.connect}`]);
    const page = await h.open(attackUrl(kind));
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('Fills the Connect form on connect.nango.dev');
    await fillVia(popup, 'none');
    expect(await status(popup).textContent()).toMatch(
      /^Filled 0\/4 fields\. Not filled — API Access Key ID: another element covers the field; HMAC Token: another element covers the field;/,
    );
    await untouched(page);
    if (kind === 'transparent-overlay') await shot(popup, 'attack-overlay');
  });

  it('fills all or nothing: one covered field keeps the whole form unchanged', async () => {
    await trust([`https://${HOSTS.connect}`]);
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    // A transparent element over the HMAC Token field only, added after the page loaded.
    await connect.evaluate(() => {
      const field = document.querySelector('[name="credentials.hmacToken"]') as HTMLElement;
      const r = field.getBoundingClientRect();
      const cover = document.createElement('div');
      Object.assign(cover.style, {
        position: 'fixed',
        left: `${r.left}px`,
        top: `${r.top}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
        opacity: '0',
        zIndex: '99',
      });
      document.body.append(cover);
    });
    const popup = await readyPopup();
    await fillVia(popup, 'none');
    expect(await status(popup).textContent()).toBe(
      'Filled 0/4 fields. Not filled — HMAC Token: another element covers the field. To be safe, nothing else was filled either: the form is unchanged. Site: connect.nango.dev (Nango’s Connect UI opened directly).',
    );
    await untouched(connect);
    expect(await connect.getByRole('button', { name: 'Connect' }).isDisabled()).toBe(true);
  });
});

describe('5. spoofed messages and fills nobody asked for', () => {
  it('ignores postMessage, CustomEvent and runtime look-alikes from the page', async () => {
    await trust([`https://${HOSTS.connect}`]);
    const page = await h.open(attackUrl('spoofed-messages'));
    const popup = await readyPopup();
    expect(await popup.getByTestId('target').textContent()).toContain('Fills the Connect form on connect.nango.dev');
    // The page has been firing fill and probe look-alikes every 100 ms since it loaded; give it a second more.
    await page.waitForTimeout(1000);
    await untouched(page);
    const log = await page.evaluate(() => (window as unknown as { __attackLog: string[] }).__attackLog);
    // Nothing answered the page, and the page cannot reach the extension's runtime.
    expect(log.filter((line) => line.startsWith('message:'))).toEqual([]);
    expect(log).not.toContain('page can reach chrome.runtime.sendMessage');
    expect(await status(popup).count()).toBe(0);
  });

  it('never fills on page load and never submits, even with a trusted site and a typed draft', async () => {
    await trust([`https://${HOSTS.connect}`, `https://${HOSTS.app}`]);
    const popup = await readyPopup(); // leaves the draft in storage.session
    await popup.close();
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const app = await h.open(`https://${HOSTS.app}/`);
    const frame = await waitForConnectFrame(app);
    await connect.waitForTimeout(1000);
    await untouched(connect);
    await untouched(frame);
    // A user fill, then nothing is submitted until the user clicks Connect themselves.
    const again = await h.openPopup();
    expect(await again.getByLabel('API Access Key ID').inputValue()).toBe(FIXTURE_KEY);
    await fillVia(again, 'none');
    await expect.poll(() => status(again).textContent()).toContain('Filled 4/4 fields.');
    await connect.waitForTimeout(500);
    expect(h.server.submissions).toEqual([]);
  });
});
