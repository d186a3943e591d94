/**
 * Everyday popup features in real Chromium: testing credentials against (a mock of) Passportal, the draft that
 * survives a closed popup, Forget, "Remember Access Key ID", and the one confirmation before a new site.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { fillVia, formValues, setupExtension, status, typeCredentials, waitForConnectFrame } from './harness.ts';
import { shot } from './launch.ts';
import { connectUrl, HOSTS } from './server.ts';
import { FIXTURE_KEY, FIXTURE_SECRET } from './token-endpoint.ts';

declare const chrome: WxtBrowser;

const h = setupExtension();
interface Stored {
  draft?: { secret?: string };
  rememberedKey?: { apiKey?: string };
  [key: string]: unknown;
}
const dumpStorage = () =>
  h.ext.serviceWorker.evaluate(async () => ({
    local: (await chrome.storage.local.get(null)) as Stored,
    session: (await chrome.storage.session.get(null)) as Stored,
  }));

describe('Test credentials', () => {
  it("says Passportal accepted the right secret and shows Passportal's 401 message for a wrong one", async () => {
    const popup = await h.openPopup();
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
    await popup.getByRole('button', { name: 'Test credentials' }).click();
    await expect.poll(() => status(popup).textContent()).toBe('Passportal accepted these credentials.');
    const [request] = h.server.tokenRequests;
    expect(request?.headers['x-key']).toBe(FIXTURE_KEY);
    expect(request?.headers['x-hash']).toBe(
      createHmac('sha256', FIXTURE_SECRET).update('api-content-hash').digest('hex'),
    );
    // The secret itself never travels, and the token is not kept anywhere.
    expect(JSON.stringify(request?.headers)).not.toContain(FIXTURE_SECRET);
    expect(JSON.stringify(await dumpStorage())).not.toContain('fixture-access-token');

    await popup.getByLabel('Secret Access Key', { exact: true }).fill('not-the-secret');
    await popup.getByRole('button', { name: 'Test credentials' }).click();
    await expect.poll(() => status(popup).textContent()).toContain('(401: Key verification failed)');
    await shot(popup, 'popup-test-refused', { publish: true });
  });

  it('explains an unreachable host instead of failing silently', async () => {
    const popup = await h.openPopup();
    await popup.getByLabel('Base URL').fill('nowhere.example.com');
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
    await popup.getByRole('button', { name: 'Test credentials' }).click();
    await expect.poll(() => status(popup).textContent()).toMatch(/^Could not reach nowhere\.example\.com/);
    expect(h.server.tokenRequests).toHaveLength(0);
  });
});

describe('the popup survives being closed', () => {
  it('keeps what is typed the moment the popup opens, before its saved state has loaded', async () => {
    await h.ext.serviceWorker.evaluate(
      (key) =>
        chrome.storage.session.set({
          draft: { apiKey: key, secret: '', content: 'api-content-hash', baseUrl: '', savedAt: Date.now() },
        }),
      FIXTURE_KEY,
    );
    const popup = await h.ext.context.newPage();
    await popup.goto(h.ext.popupUrl, { waitUntil: 'commit' });
    // Type at once: into the static shell or React's form, whichever is there; neither may lose it.
    await popup.getByLabel('Secret Access Key', { exact: true }).fill(FIXTURE_SECRET);
    await expect.poll(() => popup.getByTestId('target').textContent()).not.toMatch(/Looking for/);
    await expect.poll(() => popup.getByLabel('API Access Key ID').inputValue()).toBe(FIXTURE_KEY);
    expect(await popup.getByLabel('Secret Access Key', { exact: true }).inputValue()).toBe(FIXTURE_SECRET);
    await expect
      .poll(() => popup.locator('output').textContent())
      .toBe(createHmac('sha256', FIXTURE_SECRET).update('api-content-hash').digest('hex'));
    await popup.close();
  });

  it('restores the draft from storage.session, and Forget clears it at once', async () => {
    let popup = await h.openPopup();
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
    await expect.poll(async () => (await dumpStorage()).session.draft?.secret).toBe(FIXTURE_SECRET);
    // Never in storage.local, whatever happens.
    expect(JSON.stringify((await dumpStorage()).local)).not.toContain(FIXTURE_SECRET);
    await popup.close();

    popup = await h.openPopup();
    await expect.poll(() => popup.getByLabel('Secret Access Key', { exact: true }).inputValue()).toBe(FIXTURE_SECRET);
    expect(await popup.getByLabel('API Access Key ID').inputValue()).toBe(FIXTURE_KEY);
    expect(await status(popup).textContent()).toContain('Restored what you typed');
    const alarm = await h.ext.serviceWorker.evaluate(() => chrome.alarms.get('forget-draft'));
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 10 * 60 * 1000 + 1000);

    await popup.getByRole('button', { name: 'Forget' }).click();
    await expect.poll(() => status(popup).textContent()).toContain('Forgotten');
    expect(await popup.getByLabel('Secret Access Key', { exact: true }).inputValue()).toBe('');
    await expect.poll(async () => (await dumpStorage()).session.draft).toBeUndefined();
    await popup.close();
    popup = await h.openPopup();
    expect(await popup.getByLabel('API Access Key ID').inputValue()).toBe('');
  });

  it('remembers only the Access Key ID (never the secret) when asked to', async () => {
    let popup = await h.openPopup();
    await popup.getByLabel('Remember Access Key ID').check();
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
    await expect.poll(async () => (await dumpStorage()).local.rememberedKey?.apiKey).toBe(FIXTURE_KEY);
    expect(JSON.stringify((await dumpStorage()).local)).not.toContain(FIXTURE_SECRET);
    await popup.close();
    // Past the session draft (as after 10 minutes), the Access Key ID is still there, the secret is not.
    await h.ext.serviceWorker.evaluate(() => chrome.storage.session.remove('draft'));
    popup = await h.openPopup();
    await expect.poll(() => popup.getByLabel('API Access Key ID').inputValue()).toBe(FIXTURE_KEY);
    expect(await popup.getByLabel('Secret Access Key', { exact: true }).inputValue()).toBe('');
    await popup.getByLabel('Remember Access Key ID').uncheck();
    await expect.poll(async () => (await dumpStorage()).local.rememberedKey).toBeUndefined();
  });
});

describe('first fill into a new site', () => {
  it('asks once per embedding site, fills nothing on Cancel, and names the site', async () => {
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.remove('trustedSites'));
    const app = await h.open(`https://${HOSTS.app}/`);
    const frame = await waitForConnectFrame(app);
    const popup = await h.openPopup();
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);

    await popup.getByRole('button', { name: 'Fill connect form' }).click();
    const dialog = popup.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`First fill on ${HOSTS.app}`);
    await shot(popup, 'popup-confirm-site', { publish: true });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await status(popup).textContent()).toBe('Not filled.');
    expect(Object.values(await formValues(frame)).every((v) => v === '')).toBe(true);

    await fillVia(popup, 'trust');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect((await h.ext.serviceWorker.evaluate(() => chrome.storage.local.get('trustedSites'))).trustedSites).toEqual([
      `https://${HOSTS.app}`,
    ]);
    // The same site again: no question. Nango's own page is another site: asked again.
    await fillVia(popup, 'none');
    await app.close();
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    const popup2 = await h.openPopup();
    await typeCredentials(popup2, FIXTURE_KEY, FIXTURE_SECRET);
    await popup2.getByLabel('Base URL').fill(HOSTS.passportal);
    await fillVia(popup2, 'trust');
    await expect.poll(() => status(popup2).textContent()).toContain('Filled 4/4 fields.');
  });
});

describe('keyboard and layout', () => {
  it('starts in the first empty field, fills with Enter, and fits 360×600 without scrolling', async () => {
    const connect = await h.open(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();
    await h.ext.serviceWorker.evaluate(() => chrome.storage.local.set({ trustedSites: ['https://connect.nango.dev'] }));
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('placeholder')))
      .toBe('64 hexadecimal characters');
    await popup.keyboard.type(FIXTURE_KEY);
    await popup.keyboard.press('Tab'); // "Remember Access Key ID"
    await popup.keyboard.press('Tab');
    await popup.keyboard.type(FIXTURE_SECRET);
    await popup.getByLabel('Base URL').fill(HOSTS.passportal);
    await popup.getByLabel('Base URL').press('Enter');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
    // Every control is reachable with Tab, in order, and shows a focus ring.
    const reached: string[] = [];
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 12; i++) {
      await popup.keyboard.press('Tab');
      reached.push(
        await popup.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const ring = getComputedStyle(el).outlineStyle !== 'none';
          return `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}${ring ? '' : ' (no ring)'}`;
        }),
      );
    }
    for (const name of ['Forget', 'Show Secret Access Key', 'Copy HMAC', 'Fill connect form', 'Test credentials']) {
      expect(
        reached.some((r) => r.includes(name)),
        `${name} in ${reached.join(', ')}`,
      ).toBe(true);
    }
    expect(reached.filter((r) => r.includes('(no ring)') && !r.startsWith('body:'))).toEqual([]);
    await shot(popup, 'popup-keyboard');
  });
});
