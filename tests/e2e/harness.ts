/**
 * Shared e2e harness: one server + one Chromium with the built extension per test file, and the user's actions
 * on the popup (opened as a tab, so it is itself the active tab and its messages carry `sender.tab`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { type LaunchedExtension, launchWithExtension } from './launch.ts';
import { EXTENSION_DIR } from './paths.ts';
import { type FixtureServer, HOSTS, startServer } from './server.ts';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: WxtBrowser;
declare const axe: {
  run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[] }>;
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations on the page (evaluated over CDP, so the extension CSP does not block it). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => axe.run());
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} at ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`,
  );
}

export interface Harness {
  readonly ext: LaunchedExtension;
  readonly server: FixtureServer;
  /** Opens a page that is closed after the current test. */
  open(url: string): Promise<Page>;
  openPopup(): Promise<Page>;
}

export function setupExtension(): Harness {
  let ext: LaunchedExtension;
  let server: FixtureServer;
  const opened: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension(EXTENSION_DIR, { server });
    // The background registers the Connect content script on install; wait for it.
    for (let i = 0; i < 50; i++) {
      const registered = await ext.serviceWorker.evaluate(async () => chrome.scripting.getRegisteredContentScripts());
      if (registered.length === 1) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('The background did not register the Connect content script');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    server.submissions.length = 0;
    server.tokenRequests.length = 0;
    // Each test starts from a fresh popup: drop the session draft an earlier test left (a feature, not a leak).
    await ext.serviceWorker.evaluate(() => chrome.storage.session.remove('draft'));
  });

  const harness: Harness = {
    get ext() {
      return ext;
    },
    get server() {
      return server;
    },
    async open(url) {
      const page = await ext.context.newPage();
      opened.push(page);
      await page.goto(url);
      return page;
    },
    async openPopup() {
      const popup = await harness.open(ext.popupUrl);
      await popup.getByLabel('API Access Key ID').waitFor();
      await expect.poll(() => popup.getByTestId('target').textContent()).not.toMatch(/Looking for/);
      return popup;
    },
  };
  return harness;
}

export const status = (popup: Page) => popup.locator('p.status');

export async function typeCredentials(popup: Page, apiKey: string, secret: string) {
  await popup.getByLabel('API Access Key ID').fill(apiKey);
  await popup.getByLabel('Secret Access Key', { exact: true }).fill(secret);
}

/**
 * Clicks "Fill connect form". The first fill into a site asks for one confirmation: `confirm` says whether the
 * test expects it ('trust' / 'once') or not ('none'); 'auto' accepts it if it appears.
 */
export async function fillVia(popup: Page, confirm: 'trust' | 'once' | 'none' | 'auto' = 'auto'): Promise<void> {
  await popup.getByRole('button', { name: 'Fill connect form' }).click();
  const dialog = popup.getByRole('alertdialog');
  // allTextContents() does not wait for the element, unlike textContent().
  const settled = async () =>
    (await dialog.count()) > 0 ||
    /Filled|Not filled|No Nango|did not answer|failed/.test((await status(popup).allTextContents()).join(' '));
  await expect.poll(settled).toBe(true);
  const asked = (await dialog.count()) > 0;
  if (confirm === 'none') expect(asked, 'no confirmation expected').toBe(false);
  if (confirm === 'trust' || confirm === 'once') expect(asked, 'a confirmation was expected').toBe(true);
  if (asked) await dialog.getByRole('button', { name: /Trust and fill|Fill this once/ }).click();
}

export async function formValues(frame: Page | Frame): Promise<Record<string, string>> {
  return frame.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('input')].map((i) => [
        i.getAttribute('data-decoy') ? `decoy:${i.name}` : i.name || i.id,
        i.value,
      ]),
    ),
  );
}

export async function waitForConnectFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(`https://${HOSTS.connect}/`));
  await expect.poll(() => find() !== undefined).toBe(true);
  const frame = find() as Frame;
  await frame.getByRole('heading', { name: 'Link Passportal' }).waitFor();
  return frame;
}
