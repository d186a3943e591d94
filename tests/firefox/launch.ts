/**
 * Launches Debian's Firefox ESR (or FIREFOX_PATH) headless through puppeteer-core over WebDriver BiDi, installs
 * the built Firefox MV3 extension with `browser.installExtension(dir)` (a temporary add-on, as about:debugging
 * would load it), and routes the fixture host names to the local HTTPS server (tests/e2e/server.ts).
 *
 * What Firefox needs that Chromium does not (see tests/e2e/launch.ts for the Chromium side):
 * - `--remote-allow-system-access`: without it BiDi may not open or script `moz-extension://` pages.
 * - `extensions.webextensions.uuids`: Firefox gives every install a random `moz-extension://<uuid>`; the pref
 *   pins it for our gecko id, so the popup URL is known before the install.
 * - Host mapping through a local CONNECT proxy (proxy.ts), not `network.dns.localDomains`: that pref maps names
 *   to 127.0.0.1 but keeps port 443 (root only). Through an HTTP proxy Firefox never resolves the names itself.
 * - `MOZ_DISABLE_NONLOCAL_CONNECTIONS=1`: Firefox refuses every non-loopback connection, and the proxy refuses
 *   every host it does not map, so nothing reaches the network (Firefox's own update/telemetry traffic included).
 * - `acceptInsecureCerts`: the fixture certificate is self-signed and made at test time.
 * - `dom.events.testing.asyncClipboard`: lets the test read the clipboard without Firefox's paste prompt.
 * - `extensions.webextOptionalPermissionPrompts: false` (opt-in per suite through `prefs`): `permissions.request`
 *   is granted without its prompt (which headless Chromium cannot answer); it still needs a user action.
 * - `page.goto()` to a `moz-extension://` URL can hang (puppeteer waits for a network response that never
 *   comes); `openExtensionPage` sends BiDi `browsingContext.navigate` itself and waits for `complete`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PROJECT_DIR } from '../e2e/paths.ts';
import { FIREFOX_HOST_PATTERNS, startTunnelProxy, type TunnelProxy } from './proxy.ts';

/** `npm run build:firefox` (`wxt build -b firefox --mv3`) writes here. */
export const FIREFOX_EXTENSION_DIR = path.join(PROJECT_DIR, '.output', 'firefox-mv3');

/** Fixed `moz-extension://` host for the add-on in tests (any v4 UUID works; it only has to be known upfront). */
export const EXTENSION_UUID = '3c1e0b7a-5d2f-4a8e-9b61-0f7c2d4e8a15';

export interface FirefoxLaunchOptions {
  /** The fixture server (anything with its `port`); without it no host names are mapped. */
  server?: { port: number };
  /** Default true. `HEADED=1` in the environment shows the browser (needs a display). */
  headless?: boolean;
  /**
   * More Firefox preferences for this profile, applied over the suite's own (`firefoxPrefs`), e.g.
   * `{ 'extensions.webextOptionalPermissionPrompts': false }` to grant `permissions.request` without a prompt.
   */
  prefs?: Record<string, unknown>;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** `browser_specific_settings.gecko.id` of the built manifest. */
  addonId: string;
  /** `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  popupUrl: string;
  /** The proxy that maps the fixture hosts (undefined without a server). */
  proxy?: TunnelProxy;
  close(): Promise<void>;
}

/** Path of the Firefox binary, or a clear error saying how to get one. Never skips. */
export function firefoxPath(): string {
  const executable = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(executable)) {
    throw new Error(
      `firefox e2e: Firefox not found at ${executable}. Install Debian's build with ` +
        '`sudo apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox binary. ' +
        '(No browser is ever downloaded from anywhere else.)',
    );
  }
  return executable;
}

/** The gecko id from the built manifest; a clear error when the Firefox build is missing or has none. */
export function geckoId(extensionDir: string = FIREFOX_EXTENSION_DIR): string {
  const file = path.join(extensionDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`firefox e2e: no ${file} - run npm run build:firefox first.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`firefox e2e: ${file} has no browser_specific_settings.gecko.id`);
  return id;
}

/** Firefox preferences for a test profile: pinned extension UUID, and (with a proxy port) the host mapping. */
export function firefoxPrefs(addonId: string, proxyPort?: number): Record<string, unknown> {
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    'dom.events.testing.asyncClipboard': true,
  };
  if (proxyPort !== undefined) {
    Object.assign(prefs, {
      'network.proxy.type': 1, // manual
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
    });
  }
  return prefs;
}

export async function launchFirefoxWithExtension(
  extensionDir: string = FIREFOX_EXTENSION_DIR,
  opts: FirefoxLaunchOptions = {},
): Promise<LaunchedFirefox> {
  const executablePath = firefoxPath();
  const dir = path.resolve(extensionDir);
  const addonId = geckoId(dir);
  const proxy = opts.server ? await startTunnelProxy(opts.server.port, FIREFOX_HOST_PATTERNS) : undefined;
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: opts.headless ?? process.env.HEADED !== '1',
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: { ...firefoxPrefs(addonId, proxy?.port), ...opts.prefs },
      defaultViewport: { width: 1280, height: 800 },
    });
    const installed = await browser.installExtension(dir);
    if (installed !== addonId) {
      throw new Error(`firefox e2e: installed add-on id ${installed}, expected ${addonId} from the manifest`);
    }
    const launched = browser;
    const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
    return {
      browser: launched,
      addonId,
      extensionOrigin,
      popupUrl: `${extensionOrigin}/popup.html`,
      proxy,
      async close() {
        await launched.close();
        await proxy?.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await proxy?.close().catch(() => {});
    throw error;
  }
}

/** Internal to puppeteer-core 24 (pinned): the BiDi browsing context behind a frame. Checked at runtime. */
interface BidiFrameInternals {
  browsingContext?: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/**
 * Opens a `moz-extension://` page in a new tab with BiDi `browsingContext.navigate` (wait: complete), because
 * `page.goto()` may never resolve for extension URLs in Firefox.
 */
export async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const context = (page.mainFrame() as unknown as BidiFrameInternals).browsingContext;
  if (!context || typeof context.navigate !== 'function') {
    await page.close();
    throw new Error('firefox e2e: this puppeteer-core has no BiDi browsingContext on frames; pin 24.x');
  }
  await context.navigate(url, 'complete');
  return page;
}
