/**
 * Launches the system Chromium (Debian `chromium`, or CHROMIUM_PATH) with an unpacked MV3 extension, in a
 * fresh profile, with the fixture host names mapped to the local HTTPS server (server.ts).
 *
 * Host mapping: Chromium's `--host-resolver-rules` accepts a port on both sides
 * (`MAP connect.nango.dev:443 127.0.0.1:PORT`), so `https://connect.nango.dev/` — no port in the URL,
 * `location.origin === 'https://connect.nango.dev'` — is served by our server on its ephemeral port.
 * No root, no proxy, no port 443. Every other host name fails with ERR_NAME_NOT_RESOLVED, so a test can
 * never reach the internet by accident.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { ARTIFACTS_DIR, SCREENSHOTS_DIR } from './paths.ts';

export interface LaunchOptions {
  /** The fixture server (anything with its `port`); without it no host names are mapped. */
  server?: { port: number };
  /** Default true. Set `HEADED=1` in the environment to watch a run (needs a display). */
  headless?: boolean;
  /** Extra Chromium switches, appended last. */
  args?: string[];
  /** How long to wait for the extension's service worker. Default 10 s. */
  serviceWorkerTimeoutMs?: number;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The 32-letter id Chromium gave the unpacked extension. */
  extensionId: string;
  /** The extension's MV3 background service worker (evaluate() runs inside it). */
  serviceWorker: Worker;
  /** `chrome-extension://<id>/popup.html` — open it in a tab with `context.newPage()`. */
  popupUrl: string;
  /** The temporary profile directory (deleted by close()). */
  userDataDir: string;
  close(): Promise<void>;
}

/** Host patterns that resolve to the fixture server; everything else is NOTFOUND. */
export const MAPPED_HOST_PATTERNS = [
  'connect.nango.dev',
  'app.customer.test',
  '*.passportalmsp.com',
  'evil.test',
  '*.evil.test',
] as const;

/** Value for `--host-resolver-rules`: every mapped host on :443 goes to 127.0.0.1:`port`. */
export function hostResolverRules(port: number): string {
  const rules = MAPPED_HOST_PATTERNS.map((pattern) => `MAP ${pattern}:443 127.0.0.1:${port}`);
  // Anything else must not leave the machine; loopback stays reachable for Playwright itself.
  rules.push('MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1');
  return rules.join(', ');
}

/** Path of the Chromium binary, or a clear error saying how to get one. Never skips. */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `e2e: Chromium not found at ${executable}. Install it with \`sudo apt-get install chromium\` ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium/Chrome for Testing binary.',
    );
  }
  return executable;
}

export async function launchWithExtension(extensionDir: string, opts: LaunchOptions = {}): Promise<LaunchedExtension> {
  const executablePath = chromiumPath();
  const dir = path.resolve(extensionDir);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`e2e: no manifest.json in ${dir} - run npm run build first.`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'e2e-chromium-'));
  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
  ];
  if (opts.server) args.push(`--host-resolver-rules=${hostResolverRules(opts.server.port)}`);
  args.push(...(opts.args ?? []));

  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: opts.headless ?? process.env.HEADED !== '1',
      args,
      // Playwright passes --disable-extensions by default. Chromium 150 still loads ours because of
      // --disable-extensions-except, but we drop the contradicting switch rather than rely on that.
      ignoreDefaultArgs: ['--disable-extensions'],
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
    });
    const serviceWorker = await extensionServiceWorker(context, opts.serviceWorkerTimeoutMs ?? 10_000);
    const extensionId = new URL(serviceWorker.url()).host;
    // No origin: clipboard access for every page, including chrome-extension:// ones.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const launched = context;
    return {
      context: launched,
      extensionId,
      serviceWorker,
      popupUrl: `chrome-extension://${extensionId}/popup.html`,
      userDataDir,
      async close() {
        await launched.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function extensionServiceWorker(context: BrowserContext, timeoutMs: number): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtension);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: timeoutMs });
  } catch (error) {
    throw new Error(
      `e2e: the extension's service worker did not start within ${timeoutMs} ms. Does the manifest declare ` +
        `background.service_worker, and does the worker load without errors? (${String(error)})`,
    );
  }
}

/** Saves a full-page PNG to tests/e2e/.artifacts/<name>.png and returns its path. */
export async function shot(page: Page, name: string, opts: { publish?: boolean } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // Popups are 360 px wide: clip to the page's own width instead of the 1280 px viewport.
  const width = await page.evaluate(() => Math.min(document.documentElement.scrollWidth, document.body.scrollWidth));
  const clip =
    width < 600
      ? { x: 0, y: 0, width, height: await page.evaluate(() => document.documentElement.scrollHeight) }
      : undefined;
  await page.screenshot({ path: file, fullPage: !clip, clip });
  // The README shows these: the e2e run keeps them current.
  if (opts.publish) {
    await mkdir(SCREENSHOTS_DIR, { recursive: true });
    await copyFile(file, path.join(SCREENSHOTS_DIR, path.basename(file)));
  }
  return file;
}
