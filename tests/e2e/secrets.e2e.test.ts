/**
 * Secrets at rest and on the wire (docs/SECURITY.md, threats 6 and 8), in real Chromium: after a full flow
 * (detect, type, copy, test credentials, fill, submit), neither the Secret Access Key nor the HMAC Token is in
 * any extension storage area, in the popup's Web Storage or IndexedDB, in a console message, or anywhere in the
 * browser profile on disk; and Chromium's own network log shows no request to a host the test did not serve
 * and none that carries the secret.
 */
import { createHmac } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { fillVia, formValues, status, typeCredentials } from './harness.ts';
import { type LaunchedExtension, launchWithExtension } from './launch.ts';
import { EXTENSION_DIR } from './paths.ts';
import { connectUrl, type FixtureServer, HOSTS, startServer } from './server.ts';
import { FIXTURE_KEY, FIXTURE_SECRET } from './token-endpoint.ts';

declare const chrome: WxtBrowser;

const HMAC = createHmac('sha256', FIXTURE_SECRET).update('api-content-hash').digest('hex');
const NET_LOG = path.join(tmpdir(), `e2e-netlog-${process.pid}.json`);
/** What may show up in the network log: the hosts our fixture server plays, and the browser's own schemes. */
const SERVED_HOSTS = new Set<string>([HOSTS.connect, HOSTS.app, HOSTS.passportal]);

let server: FixtureServer;
let ext: LaunchedExtension;
const consoleLines: string[] = [];

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension(EXTENSION_DIR, {
    server,
    args: [`--log-net-log=${NET_LOG}`, '--net-log-capture-mode=Everything'],
  });
  ext.context.on('console', (message) => consoleLines.push(message.text()));
  ext.serviceWorker.on('console', (message) => consoleLines.push(message.text()));
  ext.context.on('weberror', (error) => consoleLines.push(String(error.error())));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (!process.env.KEEP_NETLOG) await rm(NET_LOG, { force: true });
});

async function dumpEverything(popup: Page) {
  const extension = await ext.serviceWorker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
  const web = await popup.evaluate(async () => {
    const idb = await indexedDB.databases();
    return {
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      indexedDB: idb.map((d) => d.name),
      cookies: document.cookie,
    };
  });
  return { extension, web };
}

interface NetRequest {
  url: string;
  method: string;
  initiator: string;
}

/** Every URL request in a Chromium net log (`--log-net-log`), with who started it. */
function urlRequests(text: string): NetRequest[] {
  const log = JSON.parse(text) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; method?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && e.params?.url)
    .map((e) => ({ url: e.params?.url ?? '', method: e.params?.method ?? '', initiator: e.params?.initiator ?? '' }));
}

/** Every file below `dir`, recursively. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('secrets at rest and on the wire', () => {
  it('keeps the secret and the HMAC out of storage, logs, the profile on disk and every request', async () => {
    const dashboard = await ext.context.newPage();
    await dashboard.goto(`https://${HOSTS.passportal}/dashboard#/default`);
    const connect = await ext.context.newPage();
    await connect.goto(connectUrl());
    await connect.getByRole('heading', { name: 'Link Passportal' }).waitFor();

    const popup = await ext.context.newPage();
    await popup.goto(ext.popupUrl);
    await expect.poll(() => popup.getByLabel('Base URL').inputValue()).toBe(HOSTS.passportal);
    await typeCredentials(popup, FIXTURE_KEY, FIXTURE_SECRET);
    // Show the secret once, as a user checking a paste would: the field becomes a text input for a moment.
    await popup.getByRole('button', { name: 'Show Secret Access Key' }).click();
    await popup.getByRole('button', { name: 'Hide Secret Access Key' }).click();
    await expect.poll(() => popup.locator('output').textContent()).toBe(HMAC);
    await popup.getByRole('button', { name: 'Copy HMAC' }).click();
    await expect.poll(() => status(popup).textContent()).toContain('Copied');
    await popup.getByRole('button', { name: 'Test credentials' }).click();
    await expect.poll(() => status(popup).textContent()).toBe('Passportal accepted these credentials.');
    await fillVia(popup, 'trust');
    await expect.poll(() => status(popup).textContent()).toContain('Filled 4/4 fields.');
    expect(await formValues(connect)).toMatchObject({ 'credentials.hmacToken': HMAC });
    await connect.getByRole('button', { name: 'Connect' }).click();
    await server.waitForSubmission();

    // Storage: the HMAC nowhere; the secret only in the 10-minute session draft, which Forget clears.
    const during = await dumpEverything(popup);
    const { session, ...persistent } = during.extension;
    expect(JSON.stringify({ persistent, web: during.web })).not.toContain(FIXTURE_SECRET);
    expect(JSON.stringify(during)).not.toContain(HMAC);
    expect(Object.keys(session).filter((k) => JSON.stringify(session[k]).includes(FIXTURE_SECRET))).toEqual(['draft']);
    expect(during.web.indexedDB).toEqual([]);
    await popup.getByRole('button', { name: 'Forget' }).click();
    await expect.poll(() => status(popup).textContent()).toContain('Forgotten');
    const after = await dumpEverything(popup);
    expect(JSON.stringify(after)).not.toContain(FIXTURE_SECRET);
    expect(JSON.stringify(after)).not.toContain(HMAC);

    // Logs: nothing the extension or the pages printed carries either value.
    expect(consoleLines.filter((line) => line.includes(FIXTURE_SECRET) || line.includes(HMAC))).toEqual([]);

    // Close the browser so every file is flushed, then read the whole profile and the network log.
    await ext.context.close();
    const needles = [FIXTURE_SECRET, HMAC].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
    const files = await filesBelow(ext.userDataDir);
    expect(files.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file).catch(() => Buffer.alloc(0));
      if (needles.some((n) => bytes.includes(n))) leaks.push(path.relative(ext.userDataDir, file));
    }
    expect(leaks, 'profile files holding the secret or the HMAC').toEqual([]);

    const log = await readFile(NET_LOG, 'utf8');
    expect(log.includes(FIXTURE_SECRET), 'the secret in the network log').toBe(false);
    const requests = urlRequests(log);
    // Requests made by a page or by the extension carry their origin as initiator; Chromium's own background
    // requests (account and autofill look-ups) say "not an origin" and die at the resolver, which maps every
    // host we do not serve to NOTFOUND (launch.ts).
    const byContent = requests.filter((r) => r.initiator !== 'not an origin');
    expect(byContent.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        `GET https://${HOSTS.connect}/assets/connect.js`,
        `POST https://${HOSTS.connect}/__submit`,
      ]),
    );
    const foreign = byContent.filter(
      (r) => /^(https?|wss?):/.test(r.url) && !SERVED_HOSTS.has(new URL(r.url).hostname),
    );
    expect(foreign, 'requests by a page or the extension to hosts the test did not serve').toEqual([]);
    const fromExtension = byContent.filter((r) => r.initiator.startsWith('chrome-extension://'));
    expect(fromExtension.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST https://${HOSTS.passportal}/api/v2/auth/client_token`,
    ]);
    // And the server agrees: the only API call it saw is the one the user asked for.
    expect(server.requests.filter((r) => r.path.startsWith('/api/'))).toEqual([
      { host: HOSTS.passportal, method: 'POST', path: '/api/v2/auth/client_token' },
    ]);
    await dashboard.close().catch(() => {});
  });
});
