/**
 * "Use key from Passportal" (issue 6) in real Chromium with the built extension: the popup takes the Access Key ID
 * and the Secret Access Key from Passportal's "Create access key" dialog (fixtures/passportal-api-keys.html), the
 * HMAC is right, Fill fills Nango's Connect form: 3 user actions. The negative paths import nothing, the page is
 * never touched, and the secret never reaches storage.local.
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { axeViolations, fillVia, formValues, setupExtension, status } from './harness.ts';
import { shot } from './launch.ts';
import { connectUrl, HOSTS } from './server.ts';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: WxtBrowser;

/** The values in fixtures/passportal-api-keys.html. */
const API_KEY = `${'5e'.repeat(16)}${'c4'.repeat(16)}`;
const SECRET = 'pp-E2e/Fixture+Secret=Key42';
const CONTENT = 'api-content-hash';
const HMAC = createHmac('sha256', SECRET).update(CONTENT).digest('hex');

const apiKeysPage = (dialog: 'hidden' | 'shown' | 'none' | 'unknown', host: string = HOSTS.passportal) =>
  `https://${host}/settings/api-keys?dialog=${dialog}`;

const h = setupExtension();

const importBox = (popup: Page) => popup.getByRole('region', { name: 'Key from Passportal' });
const importButton = (popup: Page) => popup.getByRole('button', { name: 'Use key from Passportal' });
const fieldValues = async (popup: Page) => ({
  apiKey: await popup.getByLabel('API Access Key ID').inputValue(),
  secret: await popup.getByLabel('Secret Access Key', { exact: true }).inputValue(),
  hmac: (await popup.locator('output').textContent()) ?? '',
});

/** Counts DOM changes and clicks on the Passportal page from now on (the extension must cause neither). */
async function watchPage(page: Page): Promise<() => Promise<{ mutations: number; clicks: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __watch: { mutations: number; clicks: number } };
    w.__watch = { mutations: 0, clicks: 0 };
    new MutationObserver((records) => {
      w.__watch.mutations += records.length;
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener('click', () => w.__watch.clicks++, true);
  });
  return () => page.evaluate(() => (window as unknown as { __watch: { mutations: number; clicks: number } }).__watch);
}

async function storedLocally(): Promise<string> {
  return JSON.stringify(await h.ext.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
}

describe('Use key from Passportal', () => {
  it('takes the key from the dialog: 3 actions from "key shown" to "Connect form filled", HMAC right', async () => {
    // One-time setup, not part of the flow: the very first fill into a site asks once whether to trust it.
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.set({ trustedSites: ['https://connect.nango.dev'] }));
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const passportal = await h.open(apiKeysPage('hidden'));
    // The user clicks "Show key" in Passportal (the test does, in the page; the extension never clicks there).
    await passportal.getByRole('link', { name: 'Show key' }).click();
    await passportal.getByText(SECRET).waitFor();
    const changes = await watchPage(passportal);

    // From "dialog open, key shown": every user action goes through act().
    let actions = 0;
    const act = <T>(action: () => Promise<T>): Promise<T> => {
      actions++;
      return action();
    };

    const popup = await act(() => h.openPopup()); // 1. open the popup
    await popup.setViewportSize({ width: 360, height: 600 });
    await expect.poll(() => importBox(popup).textContent()).toContain('5e5e…c4c4');
    const offer = (await importBox(popup).textContent()) ?? '';
    expect(offer).toMatch(/Passportal shows a new access key: 5e5e…c4c4 · secret ••••••••/);
    expect(offer).not.toContain(SECRET);
    // Only the preview was taken so far: the fields are still empty.
    expect(await fieldValues(popup)).toMatchObject({ apiKey: '', secret: '' });
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    await shot(popup, 'popup-import', { publish: true });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shot(popup, 'popup-import-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    await act(() => importButton(popup).click()); // 2. Use key from Passportal
    await expect.poll(() => status(popup).textContent()).toBe('Imported from Passportal.');
    await expect.poll(() => fieldValues(popup)).toEqual({ apiKey: API_KEY, secret: SECRET, hmac: HMAC });
    // The offer is used up: the box is gone and the keyboard is back in the form (Enter would fill).
    expect(await importBox(popup).count()).toBe(0);
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('placeholder')))
      .toBe('64 hexadecimal characters');
    await shot(popup, 'popup-import-done');

    await act(() => fillVia(popup, 'none')); // 3. Fill connect form
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(actions).toBe(3);

    expect(await formValues(connect)).toMatchObject({
      'credentials.apiKey': API_KEY,
      'credentials.hmacToken': HMAC,
      'credentials.content': CONTENT,
      'params.base_url': HOSTS.passportal,
    });
    await expect.poll(() => connect.getByRole('button', { name: 'Connect' }).isEnabled()).toBe(true);
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);

    // Passportal's page was read, never clicked or changed; the secret is not on disk.
    expect(await changes()).toEqual({ mutations: 0, clicks: 0 });
    expect(await storedLocally()).not.toContain(SECRET);
  });

  it.each([
    ['hidden', /5e5e…c4c4 · secret not shown yet/, 'Click Show key in Passportal first.'],
    [
      'unknown',
      /dialog is open, but its key could not be read/,
      'Could not read the key from this Passportal page — paste it instead.',
    ],
  ] as const)('dialog=%s: offers, then says why and imports nothing', async (variant, summary, message) => {
    await h.open(connectUrl()); // as in real use: Nango's Connect UI is open in another tab
    const passportal = await h.open(apiKeysPage(variant));
    const changes = await watchPage(passportal);
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await expect.poll(() => importBox(popup).textContent()).toMatch(summary);
    if (variant === 'hidden') {
      // Keyboard: focus starts in the first empty field; the import button is just before it.
      await expect
        .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('placeholder')))
        .toBe('64 hexadecimal characters');
      await popup.keyboard.press('Shift+Tab');
      expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Use key from Passportal');
      await popup.keyboard.press('Enter');
    } else {
      await importButton(popup).click();
    }
    await expect.poll(() => importBox(popup).locator('p').textContent()).toBe(message);
    expect(await fieldValues(popup)).toEqual({ apiKey: '', secret: '', hmac: 'Enter the Secret Access Key' });
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    if (variant === 'hidden') {
      await shot(popup, 'popup-import-hidden', { publish: true });
      expect(await axeViolations(popup)).toEqual([]);
    }
    expect(await changes()).toEqual({ mutations: 0, clicks: 0 });
    expect(await storedLocally()).not.toContain(SECRET);
  });

  it('dialog closed after the offer: says no dialog is open and imports nothing', async () => {
    const passportal = await h.open(apiKeysPage('shown'));
    const popup = await h.openPopup();
    await expect.poll(() => importBox(popup).textContent()).toContain('secret ••••••••');
    await passportal.locator('#close').click(); // the user closes the dialog
    await importButton(popup).click();
    await expect
      .poll(() => importBox(popup).locator('p').textContent())
      .toBe('No Create access key dialog is open in Passportal.');
    expect(await fieldValues(popup)).toEqual({ apiKey: '', secret: '', hmac: 'Enter the Secret Access Key' });
  });

  it('dialog=none: offers nothing, the popup looks as before', async () => {
    await h.open(apiKeysPage('none'));
    const popup = await h.openPopup();
    await expect.poll(() => popup.getByLabel('Base URL').inputValue()).toBe(HOSTS.passportal);
    await popup.waitForTimeout(300); // the peek is quick; give it a moment to (not) appear
    expect(await importBox(popup).count()).toBe(0);
    expect(await fieldValues(popup)).toMatchObject({ apiKey: '', secret: '' });
  });

  it('offers nothing without a Passportal tab, and never reads a lookalike host', async () => {
    const popup = await h.openPopup();
    await popup.waitForTimeout(300); // the peek is quick; give it a moment to (not) appear
    expect(await importBox(popup).count()).toBe(0);
    await popup.close();

    await h.open(apiKeysPage('shown', HOSTS.lookalike));
    const again = await h.openPopup();
    await again.waitForTimeout(300);
    expect(await importBox(again).count()).toBe(0);
    expect(await importButton(again).count()).toBe(0);
  });

  it('injecting the reader into a lookalike tab yields nothing', async () => {
    // Belt and braces: the extension has no host access to the lookalike, so injection itself fails; the reader's
    // own location check (unit-tested) is the second wall. No tab answers with the key, whatever we try.
    await h.open(apiKeysPage('shown', HOSTS.lookalike));
    const answers = await h.ext.serviceWorker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(
        tabs.map(async (tab) => {
          try {
            const [first] = await chrome.scripting.executeScript({
              target: { tabId: tab.id as number },
              files: ['/passportal-reader.js'],
            });
            return JSON.stringify(first?.result ?? null);
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        }),
      );
    });
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer).not.toContain(SECRET);
      expect(answer).toMatch(/^refused|not-passportal/);
    }
  });
});
