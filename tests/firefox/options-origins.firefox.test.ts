/**
 * Issue 4 end to end, in real Firefox: a self-hosted Nango Connect UI and a custom Passportal domain, added and
 * removed in the options page the way a user does (type, Enter; click Remove), with the browser's runtime host
 * permission and the dynamically registered Connect script following each change.
 *
 * Why Firefox: adding an origin calls `permissions.request`, and headless Chromium cannot answer its prompt (the
 * call just hangs). Firefox grants optional permission requests without a prompt when
 * `extensions.webextOptionalPermissionPrompts` is false; the request still has to come from a user action, so
 * this also proves the options page asks inside the click / Enter.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { connectUrl, HOSTS } from '../e2e/server.ts';
import {
  API_KEY,
  button,
  byLabel,
  fillVia,
  formValues,
  inputValue,
  SECRET,
  setupFirefox,
  status,
  submitFilledForm,
  text,
  typeCredentials,
  typeInto,
  waitForHeading,
} from './harness.ts';
import { openExtensionPage } from './launch.ts';

/** The extension API as seen from an extension page (evaluated there, typed loosely here). */
declare const browser: {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    request(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  };
  tabs: { query(q: { url?: string }): Promise<{ id?: number }[]> };
};

const CONNECT_ORIGIN = `https://${HOSTS.selfHostedConnect}`;
const VAULT_ORIGIN = `https://${HOSTS.customPassportal}`;
const CONNECT_LIST = 'Self-hosted Nango Connect UI';
const PASSPORTAL_LIST = 'Custom Passportal domains';

const h = setupFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });

/** The options page, opened once for the file (as a user keeps it open in a tab) and used to read the API. */
let options: Page;
beforeAll(async () => {
  options = await openExtensionPage(h.ff.browser, `${h.ff.extensionOrigin}/options.html`);
  options.setDefaultTimeout(5_000);
  await options.waitForSelector(`::-p-aria([name=${JSON.stringify(CONNECT_LIST)}][role="heading"])`);
});

const grantedOrigins = async () => (await options.evaluate(() => browser.permissions.getAll())).origins ?? [];
const connectScriptMatches = async () =>
  (await options.evaluate(() => browser.scripting.getRegisteredContentScripts({ ids: ['connect-frame'] })))[0]
    ?.matches ?? [];
const listed = (list: string) =>
  options.$$eval(`::-p-aria([name=${JSON.stringify(list)}][role="region"]) li span`, (spans) =>
    spans.map((s) => s.textContent),
  );
const optionsStatus = () => text(options, 'p.status');
/** The id of the one tab on `pattern` (only tabs on hosts we have access to can be queried by URL). */
const tabIdOf = async (pattern: string) =>
  options.evaluate(async (p) => (await browser.tabs.query({ url: p }))[0]?.id, pattern);
const badgeOf = (tabId: number) => options.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);

/** Types an origin into a list's input and presses Enter, as a user adds one. */
async function addViaOptions(list: string, origin: string): Promise<void> {
  await typeInto(options, `Add to ${list}`, origin);
  await (await byLabel(options, `Add to ${list}`)).press('Enter');
  await expect.poll(() => listed(list)).toContain(origin);
  expect(await options.$$(`::-p-aria([name=${JSON.stringify(list)}][role="region"]) [role="alert"]`)).toHaveLength(0);
}

async function removeViaOptions(list: string, origin: string): Promise<void> {
  await (await button(options, `Remove ${origin}`)).click();
  await expect.poll(() => listed(list)).not.toContain(origin);
  await expect.poll(optionsStatus).toBe(`Removed ${origin}.`);
}

/**
 * Opens the popup and clicks Fill: `type` first types the credentials and a Base URL (later popups in the test
 * restore them from the session draft); `confirm` as harness fillVia (the first fill on a site asks once).
 */
async function fillFromPopup(confirm: 'trust' | 'none', type = false): Promise<Page> {
  const popup = await h.openPopup();
  if (type) {
    await typeCredentials(popup, API_KEY, SECRET);
    await typeInto(popup, 'Base URL', HOSTS.passportal);
  }
  await fillVia(popup, confirm);
  await expect.poll(() => status(popup)).toMatch(/Filled|No Nango/);
  return popup;
}

const EMPTY_FORM = {
  'credentials.apiKey': '',
  'credentials.hmacToken': '',
  'credentials.content': '',
  'params.base_url': '',
};

describe('self-hosted Nango Connect UI (options page, real Firefox)', () => {
  it('fills connect.example.com only while it is added: permission and script registration follow the list', async () => {
    const connect = await h.open(connectUrl([], HOSTS.selfHostedConnect));
    await waitForHeading(connect);
    expect(await grantedOrigins()).not.toContain(`${CONNECT_ORIGIN}/*`);
    expect(await connectScriptMatches()).toEqual(['https://connect.nango.dev/*']);

    // Before: not ours. (Looking for the form comes first, so this holds with or without credentials typed.)
    let popup = await fillFromPopup('none');
    expect(await status(popup)).toContain('No Nango Connect form found');
    expect(await formValues(connect)).toMatchObject(EMPTY_FORM);

    // Add it: the browser grants the origin and the background registers the Connect script there too.
    await addViaOptions(CONNECT_LIST, CONNECT_ORIGIN);
    await expect.poll(optionsStatus).toBe('Added. Reload open Connect pages on that origin.');
    expect(await grantedOrigins()).toContain(`${CONNECT_ORIGIN}/*`);
    await expect.poll(connectScriptMatches).toEqual(['https://connect.nango.dev/*', `${CONNECT_ORIGIN}/*`]);

    await connect.reload();
    await waitForHeading(connect);
    popup = await fillFromPopup('trust', true);
    expect(await status(popup)).toContain('Filled 4/4 fields.');
    expect(await status(popup)).toContain(HOSTS.selfHostedConnect);
    expect((await submitFilledForm(h.server, connect)).host).toBe(HOSTS.selfHostedConnect);

    // Remove it: the permission is given back and the registration no longer matches.
    await removeViaOptions(CONNECT_LIST, CONNECT_ORIGIN);
    await expect.poll(grantedOrigins).not.toContain(`${CONNECT_ORIGIN}/*`);
    await expect.poll(connectScriptMatches).toEqual(['https://connect.nango.dev/*']);

    // Before a reload, the script injected while the origin was allowed may still answer from the open page: the
    // popup no longer takes that answer. (Status only: the form still shows the values of the earlier fill.)
    popup = await fillFromPopup('none');
    expect(await status(popup)).toContain('No Nango Connect form found');

    // After a reload nothing of ours runs there.
    await connect.reload();
    await waitForHeading(connect);
    // The credentials are still there (restored from the session draft); the form is not ours any more.
    popup = await fillFromPopup('none');
    expect(await inputValue(popup, 'API Access Key ID')).toBe(API_KEY);
    expect(await status(popup)).toContain('No Nango Connect form found');
    expect(await formValues(connect)).toMatchObject(EMPTY_FORM);
  });
});

describe('custom Passportal domain (options page, real Firefox)', () => {
  it('detects vault.example.com as the Base URL only while it is added', async () => {
    await addViaOptions(PASSPORTAL_LIST, VAULT_ORIGIN);
    await expect.poll(optionsStatus).toBe('Added.');
    expect(await grantedOrigins()).toContain(`${VAULT_ORIGIN}/*`);
    // Detection is not the Connect script's business.
    expect(await connectScriptMatches()).toEqual(['https://connect.nango.dev/*']);

    const vault = await h.open(`${VAULT_ORIGIN}/dashboard`);
    const tabId = await tabIdOf(`${VAULT_ORIGIN}/*`);
    if (tabId === undefined) throw new Error('the vault.example.com tab cannot be queried although access was granted');
    await expect.poll(() => badgeOf(tabId)).toBe('P');
    let popup = await h.openPopup();
    await expect.poll(() => inputValue(popup, 'Base URL')).toBe(HOSTS.customPassportal);
    expect(await popup.$$('::-p-text(From your open Passportal tab.)')).toHaveLength(1);
    expect(await text(popup, '.note.warning')).toBe(
      `${HOSTS.customPassportal} is not a known Passportal host (…passportalmsp.com). Fine if it is your custom domain.`,
    );

    await removeViaOptions(PASSPORTAL_LIST, VAULT_ORIGIN);
    await expect.poll(grantedOrigins).not.toContain(`${VAULT_ORIGIN}/*`);
    await vault.reload();
    popup = await h.openPopup();
    expect(await inputValue(popup, 'Base URL')).toBe('');
    expect(await popup.$$('::-p-text(Not detected)')).toHaveLength(1);
    // The toolbar mark is gone, and without access the extension cannot even find the tab by its URL.
    await expect.poll(() => badgeOf(tabId)).toBe('');
    expect(await tabIdOf(`${VAULT_ORIGIN}/*`)).toBeUndefined();
  });
});

describe('Firefox permission facts the options page relies on', () => {
  it('grants an optional host permission only from a user action, even with prompts off', async () => {
    // Script that is not handling a click or key press (here: WebDriver BiDi) is refused, so the options page
    // must call permissions.request inside the Add click / Enter, before any other await (utils/options-actions).
    const outcome = await options.evaluate(() =>
      browser.permissions.request({ origins: ['https://unasked.example.com/*'] }).then(
        (granted) => `resolved ${granted}`,
        (error: Error) => error.message,
      ),
    );
    expect(outcome).toMatch(/user input/i);
    expect(await grantedOrigins()).not.toContain('https://unasked.example.com/*');
  });
});
