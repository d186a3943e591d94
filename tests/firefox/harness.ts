/**
 * Firefox e2e harness: one fixture server + one Firefox with the built extension per test file, and the user's
 * actions on the popup (opened as a tab, like the Chromium suite: it is itself the active tab and its messages
 * carry `sender.tab`). puppeteer's `::-p-aria(...)` selectors find controls by role and accessible name, as a
 * user (and Playwright's getByRole/getByLabel in tests/e2e) would.
 */
import { createHmac } from 'node:crypto';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type FixtureServer, HOSTS, type Submission, startServer } from '../e2e/server.ts';
import {
  FIREFOX_EXTENSION_DIR,
  type FirefoxLaunchOptions,
  type LaunchedFirefox,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './launch.ts';

/** The extension API as seen from an extension page (evaluated there, typed loosely here). */
declare const browser: {
  scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
  storage: { session: { remove(key: string): Promise<void> } };
};

/** How long a selector may take to appear; a fixture page that needs longer is broken. */
const TIMEOUT_MS = 5_000;

export interface FirefoxHarness {
  readonly ff: LaunchedFirefox;
  readonly server: FixtureServer;
  /** Opens an https page in a new tab; closed after the current test. */
  open(url: string): Promise<Page>;
  /** Opens the popup as a tab and waits until it has looked for a Connect form. */
  openPopup(): Promise<Page>;
}

/** `launch`: more launch options (e.g. `prefs`); the fixture server is always this harness's own. */
export function setupFirefox(launch: Omit<FirefoxLaunchOptions, 'server'> = {}): FirefoxHarness {
  let ff: LaunchedFirefox;
  let server: FixtureServer;
  const opened: Page[] = [];
  /** Popups by identity: a page opened with `openExtensionPage` reports `url()` 'about:blank' in puppeteer 24. */
  const popups = new Set<Page>();

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefoxWithExtension(FIREFOX_EXTENSION_DIR, { ...launch, server });
    // The background registers the Connect content script on install; wait for it (from an extension page:
    // the Firefox event page is not a BiDi target).
    const page = await openExtensionPage(ff.browser, `${ff.extensionOrigin}/options.html`);
    try {
      for (let i = 0; i < 100; i++) {
        if ((await page.evaluate(async () => (await browser.scripting.getRegisteredContentScripts()).length)) === 1) {
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('firefox e2e: the background did not register the Connect content script within 10 s');
    } finally {
      await page.close();
    }
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });
  afterEach(async () => {
    // Each test starts from a fresh popup: drop the session draft an earlier test left (a feature, not a leak).
    const popup = [...popups].find((p) => !p.isClosed());
    await popup?.evaluate(() => browser.storage.session.remove('draft'));
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    popups.clear();
    server.submissions.length = 0;
  });

  const harness: FirefoxHarness = {
    get ff() {
      return ff;
    },
    get server() {
      return server;
    },
    async open(url) {
      const page = await ff.browser.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      opened.push(page);
      await page.goto(url);
      return page;
    },
    async openPopup() {
      const popup = await openExtensionPage(ff.browser, ff.popupUrl);
      popup.setDefaultTimeout(TIMEOUT_MS);
      opened.push(popup);
      popups.add(popup);
      await byLabel(popup, 'API Access Key ID');
      await expect.poll(() => text(popup, '[data-testid="target"]')).not.toMatch(/Looking for/);
      return popup;
    },
  };
  return harness;
}

/**
 * An input by its accessible name (the label a user reads), waiting for it like waitForSelector. No role filter:
 * Firefox gives password inputs no "textbox" role and names the <label> itself too, so the input is picked
 * from the matches. Names match exactly: "Show Secret Access Key" (the toggle) is not "Secret Access Key".
 */
export async function byLabel(page: Page | Frame, name: string): Promise<ElementHandle<HTMLInputElement>> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    for (const el of await page.$$(`::-p-aria([name=${JSON.stringify(name)}])`)) {
      if (await el.evaluate((e) => e instanceof HTMLInputElement)) return el as ElementHandle<HTMLInputElement>;
    }
    if (Date.now() > deadline) throw new Error(`firefox e2e: no input named "${name}" within ${TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function button(page: Page | Frame, name: string): Promise<ElementHandle<Element>> {
  return page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`) as Promise<
    ElementHandle<Element>
  >;
}

/** textContent of the first match, or '' when there is none yet (does not wait). */
export async function text(page: Page | Frame, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '').catch(() => '');
}

export const status = (popup: Page) => text(popup, 'p.status');

export async function inputValue(page: Page | Frame, name: string): Promise<string> {
  return (await byLabel(page, name)).evaluate((el) => el.value);
}

/** Replaces a text box's value by typing, so React sees real input events (as a user's keystrokes). */
export async function typeInto(page: Page, name: string, value: string): Promise<void> {
  const box = await byLabel(page, name);
  await box.evaluate((el) => el.select());
  await page.keyboard.press('Backspace');
  if (value) await box.type(value);
}

export async function typeCredentials(popup: Page, apiKey: string, secret: string): Promise<void> {
  await typeInto(popup, 'API Access Key ID', apiKey);
  await typeInto(popup, 'Secret Access Key', secret);
}

/**
 * Clicks "Fill connect form". The first fill into a site asks for one confirmation: `confirm` says whether the
 * test expects it ('trust' = "Trust and fill", 'once' = "Fill this once", 'none') or takes it if it appears
 * ('auto'). Same contract as tests/e2e/harness.ts `fillVia`.
 */
export async function fillVia(popup: Page, confirm: 'trust' | 'once' | 'none' | 'auto' = 'auto'): Promise<void> {
  await (await button(popup, 'Fill connect form')).click();
  const dialog = async () => (await popup.$('[role="alertdialog"]')) !== null;
  const settled = async () =>
    (await dialog()) || /Filled|Not filled|No Nango|did not answer|failed/.test(await status(popup));
  await expect.poll(settled).toBe(true);
  const asked = await dialog();
  if (confirm === 'none') expect(asked, 'no confirmation expected').toBe(false);
  if (confirm !== 'none' && confirm !== 'auto') expect(asked, 'a confirmation was expected').toBe(true);
  if (!asked) return;
  const label = { trust: 'Trust and fill', once: 'Fill this once' }[confirm as 'trust' | 'once'];
  const choice = label
    ? await button(popup, label)
    : await popup.waitForSelector('[role="alertdialog"] button.primary');
  await choice?.click();
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

export async function connectButtonEnabled(frame: Page | Frame): Promise<boolean> {
  return (await button(frame, 'Connect')).evaluate((el) => !(el as HTMLButtonElement).disabled);
}

export async function waitForHeading(frame: Page | Frame): Promise<void> {
  await frame.waitForSelector('::-p-aria([name="Link Passportal"][role="heading"])');
}

export async function waitForConnectFrame(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(`https://${HOSTS.connect}/`));
  await expect.poll(() => find() !== undefined).toBe(true);
  const frame = find() as Frame;
  await waitForHeading(frame);
  return frame;
}

/** The credentials the Firefox suites type, and the HMAC Token they must produce. */
export const API_KEY = `${'3f'.repeat(16)}${'a0'.repeat(16)}`;
export const SECRET = 'e2e-Secret/Access+Key==';
export const CONTENT = 'api-content-hash';
export const HMAC = createHmac('sha256', SECRET).update(CONTENT).digest('hex');

/**
 * After a fill: the form holds exactly our four values, its own Connect button enables, and clicking it posts.
 * Returns what was posted, for the caller's own checks.
 */
export async function submitFilledForm(
  server: FixtureServer,
  frame: Page | Frame,
  baseUrl: string = HOSTS.passportal,
): Promise<Submission> {
  expect(await formValues(frame)).toMatchObject({
    'credentials.apiKey': API_KEY,
    'credentials.hmacToken': HMAC,
    'credentials.content': CONTENT,
    'params.base_url': baseUrl,
  });
  await expect.poll(() => connectButtonEnabled(frame)).toBe(true);
  await (await button(frame, 'Connect')).click();
  return server.waitForSubmission();
}
