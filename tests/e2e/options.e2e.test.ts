/**
 * Options page, clipboard clearing, context menu and accessibility (axe-core, both themes) in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { axeViolations, setupExtension, status, typeCredentials } from './harness.ts';
import { shot } from './launch.ts';

declare const chrome: WxtBrowser;
const h = setupExtension();
const optionsUrl = () => h.ext.popupUrl.replace('popup.html', 'options.html');
const setSettings = (patch: Record<string, unknown>) =>
  h.ext.serviceWorker.evaluate(async (p) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
    await chrome.storage.local.set({
      settings: {
        rememberApiKey: false,
        clipboardClearSeconds: 60,
        extraConnectOrigins: [],
        extraPassportalOrigins: [],
        ...settings,
        ...p,
      },
    });
  }, patch);

describe('clipboard', () => {
  it('clears the copied HMAC after the configured delay, and says so', async () => {
    // Unpacked extensions may set alarms below Chrome's 30 s minimum, so the test need not wait a minute.
    // 3 s: long enough that the copied value can be read back first even on a busy machine.
    await setSettings({ clipboardClearSeconds: 3 });
    const popup = await h.openPopup();
    await typeCredentials(popup, 'a'.repeat(64), 'secret');
    await expect.poll(() => popup.locator('output').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const hmac = await popup.locator('output').textContent();
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy HMAC' }).click();
    await expect
      .poll(() => status(popup).textContent())
      .toBe('Copied the HMAC Token. The clipboard will be cleared in 3 s.');
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(hmac);
    await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toBe('');
    await setSettings({ clipboardClearSeconds: 60 });
  });

  it('leaves the clipboard alone when clearing is off', async () => {
    await setSettings({ clipboardClearSeconds: 0 });
    const popup = await h.openPopup();
    await typeCredentials(popup, 'a'.repeat(64), 'secret');
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Copy HMAC' }).click();
    await expect.poll(() => status(popup).textContent()).toBe('Copied the HMAC Token to the clipboard.');
    expect(await h.ext.serviceWorker.evaluate(() => chrome.alarms.get('clear-clipboard'))).toBeUndefined();
    await setSettings({ clipboardClearSeconds: 60 });
  });
});

describe('options page', () => {
  it('validates extra origins, lists and removes trusted sites, saves the clipboard delay', async () => {
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.set({ trustedSites: ['https://app.customer.test'] }));
    const page = await h.open(optionsUrl());
    await page.getByRole('heading', { name: 'Self-hosted Nango Connect UI' }).waitFor();

    const connectSection = page.getByRole('region', { name: 'Self-hosted Nango Connect UI' });
    const connectInput = page.getByLabel('Add to Self-hosted Nango Connect UI');
    for (const [input, message] of [
      ['http://connect.example.com', 'Only https:// addresses are supported.'],
      ['https://connect.example.com/path', 'Enter the origin only (https://host), without a path.'],
      ['https://connect.nango.dev', 'That one is built in already.'],
    ] as const) {
      await connectInput.fill(input);
      await connectInput.press('Enter');
      await expect.poll(() => connectSection.getByRole('alert').textContent()).toBe(message);
    }
    const passportalInput = page.getByLabel('Add to Custom Passportal domains');
    await passportalInput.fill('https://acme.passportalmsp.com');
    await passportalInput.press('Enter');
    await expect
      .poll(() => page.getByRole('region', { name: 'Custom Passportal domains' }).getByRole('alert').textContent())
      .toContain('already supported');

    expect(await page.getByText('https://app.customer.test', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove https://app.customer.test' }).click();
    await expect.poll(() => page.getByText('https://app.customer.test', { exact: true }).count()).toBe(0);
    expect((await h.ext.serviceWorker.evaluate(() => chrome.storage.local.get('trustedSites'))).trustedSites).toEqual(
      [],
    );

    await page.getByLabel('Clear the copied HMAC Token after').selectOption('120');
    await expect
      .poll(async () => {
        const { settings } = (await h.ext.serviceWorker.evaluate(() => chrome.storage.local.get('settings'))) as {
          settings?: { clipboardClearSeconds?: number };
        };
        return settings?.clipboardClearSeconds;
      })
      .toBe(120);
    await shot(page, 'options', { publish: true });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('context menu and accessibility', () => {
  it('registers "Fill Passportal credentials…" for Connect frames', async () => {
    // contextMenus has no getter: updating an item that does not exist rejects.
    const exists = await h.ext.serviceWorker.evaluate(() =>
      chrome.contextMenus.update('fill-passportal', {}).then(
        () => true,
        () => false,
      ),
    );
    expect(exists).toBe(true);
  });

  it('assigns the suggested shortcut Alt+Shift+K to opening the popup', async () => {
    // Not merely declared: Chromium leaves a suggested key it will not take (e.g. Alt+Shift+P) unassigned.
    const commands = await h.ext.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+K');
  });

  it('brings the user to the popup when the menu entry is clicked', async () => {
    // Headless Chromium draws no context menu to click; dispatching the browser's own onClicked event runs our
    // listener exactly as a click would, and runtime.getContexts shows what it opened.
    const popups = () =>
      h.ext.serviceWorker.evaluate(
        async () => (await chrome.runtime.getContexts({})).filter((c) => c.documentUrl?.endsWith('/popup.html')).length,
      );
    const click = (menuItemId: string) =>
      h.ext.serviceWorker.evaluate((id) => {
        const event = chrome.contextMenus.onClicked as unknown as { dispatch(info: object): void };
        event.dispatch({ menuItemId: id, editable: true, frameUrl: 'https://connect.nango.dev/' });
      }, menuItemId);
    expect(await popups()).toBe(0);
    await click('someone-elses-item');
    await new Promise((r) => setTimeout(r, 300));
    expect(await popups()).toBe(0);
    await click('fill-passportal');
    await expect.poll(popups).toBe(1);
  });

  it('has no axe violations in the popup, light and dark, with errors shown', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const popup = await h.openPopup();
      await popup.emulateMedia({ colorScheme });
      await typeCredentials(popup, 'xyz', '');
      await popup.getByRole('button', { name: 'Fill connect form' }).click();
      await expect.poll(() => status(popup).count()).toBe(1);
      await shot(popup, `popup-${colorScheme}`, { publish: true });
      expect(await axeViolations(popup), colorScheme).toEqual([]);
      await popup.close();
    }
  });
});
