/**
 * `npm run demo`: the whole flow without a Passportal or Nango account. Local HTTPS pages under the real host
 * names (tests/e2e/server.ts: a Passportal dashboard, Nango's Connect form top-level and inside a customer's app,
 * a mock Passportal token endpoint that checks the HMAC for real) and Chromium with the built extension.
 *
 *   npm run demo                 a browser window with those tabs open, to try it yourself (needs a display)
 *   npm run demo -- --headless   plays the flow by itself, saves docs/screenshots/demo-<n>-<step>.png, exits 0
 *   … -- --build                 rebuild the extension first (otherwise only when missing or out of date)
 */
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { buildFixtures } from '../tests/e2e/build-fixtures.ts';
import { type LaunchedExtension, launchWithExtension, shot } from '../tests/e2e/launch.ts';
import { EXTENSION_DIR, PROJECT_DIR, SCREENSHOTS_DIR } from '../tests/e2e/paths.ts';
import { connectUrl, type FixtureServer, HOSTS, startServer } from '../tests/e2e/server.ts';
import { FIXTURE_KEY, FIXTURE_SECRET } from '../tests/e2e/token-endpoint.ts';
import { DEFAULT_CONTENT } from '../utils/credentials.ts';
import { ensureBuilt, sleep } from './support.ts';

/** The extension API inside the service worker (evaluated there, typed here). */
declare const chrome: WxtBrowser;

const DASHBOARD = `https://${HOSTS.passportal}/dashboard`;
const APP = `https://${HOSTS.app}/`;
const HMAC = createHmac('sha256', FIXTURE_SECRET).update(DEFAULT_CONTENT).digest('hex');
const TIMEOUT_MS = 10_000;
const headless = process.argv.includes('--headless');

const say = (line = '') => console.log(line);

/** Polls `read` until `ok` holds; fails with what was expected and what was last seen. */
async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)} after ${TIMEOUT_MS / 1000} s`);
    await sleep(50);
  }
}

async function waitForContentScript(worker: Worker): Promise<void> {
  await until(
    'the Connect content script registration',
    () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
    (n) => n > 0,
  );
}

async function start(): Promise<{ server: FixtureServer; ext: LaunchedExtension }> {
  ensureBuilt(process.argv.includes('--build'), say);
  await buildFixtures();
  const server = await startServer();
  try {
    const ext = await launchWithExtension(EXTENSION_DIR, { server, headless });
    await waitForContentScript(ext.serviceWorker);
    return { server, ext };
  } catch (error) {
    await server.close();
    throw error;
  }
}

// ── Headed: open the pages and let the user try ───────────────────────────────────────────────────────────────

/** The keyboard shortcut that opens the popup, as the built manifest suggests it. */
async function shortcut(): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    commands?: { _execute_action?: { suggested_key?: { default?: string } } };
  };
  return (
    manifest.commands?._execute_action?.suggested_key?.default ?? 'the shortcut set at chrome://extensions/shortcuts'
  );
}

async function tryItYourself(): Promise<number> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const xvfb = ['/usr/bin/xvfb-run', '/usr/local/bin/xvfb-run'].some((p) => existsSync(p));
    console.error(
      'npm run demo opens a browser window, but there is no display here ($DISPLAY is not set).\n' +
        '  npm run demo -- --headless    plays the whole flow by itself and saves screenshots instead' +
        (xvfb ? '\n  xvfb-run -a npm run demo      runs the window on a virtual display' : ''),
    );
    return 1;
  }
  const { server, ext } = await start();
  const [first] = ext.context.pages();
  const tabs: Page[] = [first ?? (await ext.context.newPage())];
  await tabs[0]?.goto(DASHBOARD);
  for (const url of [APP, connectUrl()]) {
    const page = await ext.context.newPage();
    await page.goto(url);
    tabs.push(page);
  }
  say('Passportal Connect Helper demo: local pages under the real host names; nothing leaves this machine.');
  say(`  Passportal dashboard   ${DASHBOARD}`);
  say(`  Customer app           ${APP} (Nango's Connect UI in an iframe)`);
  say(`  Nango Connect UI       ${connectUrl()}`);
  say('');
  say('Open the extension from the toolbar (the puzzle icon, then pin "Passportal Connect Helper") or press');
  say(`${await shortcut()} on a Connect tab; or open the popup as a page: ${ext.popupUrl}`);
  say('Paste these fixture credentials (the mock Passportal token endpoint accepts only them):');
  say(`  API Access Key ID   ${FIXTURE_KEY}`);
  say(`  Secret Access Key   ${FIXTURE_SECRET}`);
  say('then Copy HMAC, Test credentials, and Fill connect form.');
  say('');
  say('Stop with Ctrl+C (or close the browser).');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
    ext.context.once('close', () => resolve());
  });
  say('\nStopping…');
  await ext.close().catch(() => {});
  await server.close().catch(() => {});
  return 0;
}

// ── Headless: play the flow, screenshot each step ─────────────────────────────────────────────────────────────

const status = (popup: Page) =>
  popup
    .locator('p.status')
    .allTextContents()
    .then((t) => t.join(' '));
const saved: string[] = [];

/** docs/screenshots/demo-<n>-<step>.png, numbered in the order they are taken. */
async function screenshot(page: Page, step: string): Promise<void> {
  const name = `demo-${saved.length + 1}-${step}`;
  await shot(page, name, { publish: true });
  saved.push(path.relative(PROJECT_DIR, path.join(SCREENSHOTS_DIR, `${name}.png`)));
}

async function formValues(frame: Pick<Page, 'evaluate'>): Promise<Record<string, string>> {
  return frame.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('input')].map((i) => [i.name, i.value])),
  );
}

/** The fill leaves the form scrolled to its last field; show its first ones in the screenshot. */
async function showFirstField(frame: Pick<Page, 'evaluate'>): Promise<void> {
  await frame.evaluate(() => {
    for (let el = document.querySelector('input')?.parentElement; el; el = el.parentElement) el.scrollTop = 0;
  });
}

async function openPopup(ext: LaunchedExtension): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(ext.popupUrl);
  // React has taken over from the static shell once it names the Connect form it will fill.
  await until(
    'the popup',
    () => popup.getByTestId('target').textContent(),
    (t) => !/Looking for/.test(t ?? ''),
  );
  return popup;
}

/** Clicks Fill, confirms the first fill into this site ("Trust and fill"), returns the popup's summary. */
async function fill(popup: Page, confirmShot: boolean): Promise<string> {
  await popup.getByRole('button', { name: 'Fill connect form' }).click();
  const dialog = popup.getByRole('alertdialog');
  await dialog.waitFor({ timeout: TIMEOUT_MS });
  if (confirmShot) await screenshot(popup, 'confirm');
  await dialog.getByRole('button', { name: 'Trust and fill' }).click();
  return until(
    'the popup status',
    () => status(popup),
    (t) => /Filled 4\/4 fields/.test(t),
  );
}

async function playFlow(): Promise<number> {
  const started = Date.now();
  const { server, ext } = await start();
  let n = 0;
  const step = async (title: string, run: () => Promise<string>) => {
    n++;
    try {
      const done = await run();
      say(`✔ ${n}. ${title}: ${done}`);
    } catch (error) {
      throw new Error(`step ${n} (${title}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    say(`Fixture credentials: API Access Key ID ${FIXTURE_KEY}, Secret Access Key ${FIXTURE_SECRET}`);
    const dashboard = ext.context.pages()[0] ?? (await ext.context.newPage());
    await dashboard.goto(DASHBOARD);
    const connect = await ext.context.newPage();
    await connect.goto(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor({ timeout: TIMEOUT_MS });
    const popup = await openPopup(ext);

    await step('Detect', async () => {
      const base = popup.getByLabel('Base URL');
      await until(
        'the Base URL',
        () => base.inputValue(),
        (v) => v === HOSTS.passportal,
      );
      const target = await popup.getByTestId('target').textContent();
      await screenshot(popup, 'detect');
      return `Base URL ${HOSTS.passportal} taken from the open Passportal tab; "${target}"`;
    });

    await step('Compute', async () => {
      await popup.getByLabel('API Access Key ID').fill(FIXTURE_KEY);
      await popup.getByLabel('Secret Access Key', { exact: true }).fill(FIXTURE_SECRET);
      const shown = await until(
        'the HMAC Token',
        () => popup.locator('output').textContent(),
        (t) => t === HMAC,
      );
      await screenshot(popup, 'compute');
      return `HMAC Token ${shown} (Content String "${DEFAULT_CONTENT}"), the same as node:crypto's`;
    });

    await step('Copy', async () => {
      await popup.bringToFront();
      await popup.getByRole('button', { name: 'Copy HMAC' }).click();
      const said = await until(
        'the popup status',
        () => status(popup),
        (t) => /Copied/.test(t),
      );
      const clipboard = await popup.evaluate(() => navigator.clipboard.readText());
      if (clipboard !== HMAC) throw new Error(`the clipboard holds ${JSON.stringify(clipboard)}, not the HMAC`);
      await screenshot(popup, 'copy');
      return `the clipboard holds the HMAC; "${said}"`;
    });

    await step('Test credentials', async () => {
      await popup.getByRole('button', { name: 'Test credentials' }).click();
      const said = await until(
        'the popup status',
        () => status(popup),
        (t) => /^Passportal (accepted|refused)/.test(t),
      );
      if (said !== 'Passportal accepted these credentials.') throw new Error(`the popup says "${said}"`);
      const asked = server.tokenRequests.at(-1);
      if (asked?.status !== 200) throw new Error(`the token endpoint answered ${asked?.status ?? 'nothing'}`);
      await screenshot(popup, 'test');
      return `POST https://${asked.host}/api/v2/auth/client_token answered 200; "${said}"`;
    });

    await step('Fill', async () => {
      const said = await fill(popup, true);
      await screenshot(popup, 'filled');
      const values = await formValues(connect);
      const expected = {
        'credentials.apiKey': FIXTURE_KEY,
        'credentials.hmacToken': HMAC,
        'credentials.content': DEFAULT_CONTENT,
        'params.base_url': HOSTS.passportal,
      };
      for (const [name, value] of Object.entries(expected)) {
        if (values[name] !== value) throw new Error(`the Connect form's ${name} is ${JSON.stringify(values[name])}`);
      }
      const button = connect.getByRole('button', { name: 'Connect' });
      await until(
        'the Connect button',
        () => button.isEnabled(),
        (on) => on,
      );
      await showFirstField(connect);
      await screenshot(connect, 'connect');
      return `confirmed "Trust and fill" for connect.nango.dev; "${said}"; the form holds all 4 values, Connect is enabled`;
    });

    await step('Fill inside a customer app', async () => {
      await connect.close();
      await popup.close();
      const app = await ext.context.newPage();
      // Taller than the app, so the full-page screenshot needs no resize (which garbles the cross-site iframe).
      await app.setViewportSize({ width: 1280, height: 900 });
      await app.goto(APP);
      const frame = await until(
        'the Connect iframe',
        async () => app.frames().find((f) => f.url().startsWith(`https://${HOSTS.connect}/`)),
        (f) => f !== undefined,
      );
      await frame?.getByRole('heading', { name: 'Link Passportal' }).waitFor({ timeout: TIMEOUT_MS });
      const again = await openPopup(ext);
      const said = await fill(again, false);
      if (!frame) throw new Error('no Connect iframe');
      const values = await formValues(frame);
      if (values['credentials.hmacToken'] !== HMAC) throw new Error('the iframe form does not hold the HMAC');
      await until(
        'the Connect button',
        () => frame.getByRole('button', { name: 'Connect' }).isEnabled(),
        (on) => on,
      );
      await showFirstField(frame);
      await screenshot(app, 'customer-app');
      return `the popup remembered what was typed (10-minute session draft); confirmed ${HOSTS.app}; "${said}"`;
    });

    say('');
    say(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s. Screenshots:`);
    for (const file of saved) say(`  ${file}`);
    return 0;
  } finally {
    await ext.close().catch(() => {});
    await server.close().catch(() => {});
  }
}

(headless ? playFlow() : tryItYourself()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\n✖ The demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
