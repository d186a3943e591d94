/**
 * Smoke test of the e2e infrastructure itself: server, host mapping, fixtures, browser launch.
 * It loads a throwaway MV3 extension, so it proves nothing about (and does not depend on) our extension.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LaunchedExtension, launchWithExtension, shot } from './launch.ts';
import { connectUrl, type FixtureServer, HOSTS, startServer } from './server.ts';

const API_KEY = 'a'.repeat(64);
const HMAC = '0123456789abcdef'.repeat(4);
const CONTENT = 'e2e-content-string';

let server: FixtureServer;
let browser: LaunchedExtension;
let extensionDir: string;

beforeAll(async () => {
  extensionDir = await mkdtemp(path.join(tmpdir(), 'e2e-throwaway-ext-'));
  await writeFile(
    path.join(extensionDir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'e2e throwaway',
      version: '0.0.1',
      background: { service_worker: 'sw.js' },
    }),
  );
  await writeFile(path.join(extensionDir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  server = await startServer();
  browser = await launchWithExtension(extensionDir, { server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
});

describe('e2e infrastructure', () => {
  it('loads the extension and finds its service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/sw.js`);
    expect(browser.popupUrl).toBe(`chrome-extension://${browser.extensionId}/popup.html`);
  });

  it('serves the Connect fixture on https://connect.nango.dev and records its submission', async () => {
    const page = await browser.context.newPage();
    await page.goto(connectUrl());
    expect(await page.evaluate(() => location.origin)).toBe('https://connect.nango.dev');
    await expect.poll(() => page.getByRole('heading', { name: 'Link Passportal' }).count()).toBe(1);

    const connect = page.getByRole('button', { name: 'Connect' });
    expect(await connect.isDisabled()).toBe(true);
    await shot(page, 'connect-form');

    // The Base URL field is below the fold of the dialog's scrolling body.
    const baseUrl = page.getByLabel('Passportal Base URL');
    const [fieldBox, scrollBox] = await Promise.all([baseUrl.boundingBox(), page.getByTestId('scroll').boundingBox()]);
    expect(fieldBox && scrollBox && fieldBox.y > scrollBox.y + scrollBox.height).toBe(true);
    expect(await baseUrl.getAttribute('name')).toBe('params.base_url');

    await page.fill('input[name="credentials.apiKey"]', API_KEY);
    await page.fill('input[name="credentials.hmacToken"]', HMAC);
    await page.fill('input[name="credentials.content"]', CONTENT);
    expect(await connect.isDisabled()).toBe(true);
    await page.fill('input[name="params.base_url"]', 'https://acme.passportalmsp.com');
    // The schema wants a bare host name: a scheme keeps Connect disabled.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('host name');
    expect(await connect.isDisabled()).toBe(true);
    await page.fill('input[name="params.base_url"]', 'acme.passportalmsp.com');
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await shot(page, 'connect-form-filled');

    await connect.click();
    const submission = await server.waitForSubmission();
    expect(submission.host).toBe(HOSTS.connect);
    expect(submission.body).toEqual({
      credentials: { apiKey: API_KEY, hmacToken: HMAC, content: CONTENT },
      params: { base_url: 'acme.passportalmsp.com' },
    });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Connected');
    await page.close();
  });

  it('behaves like a React controlled form: only the native value setter plus events counts', async () => {
    const page = await browser.context.newPage();
    await page.goto(connectUrl());
    await expect.poll(() => page.getByLabel('Content String').count()).toBe(1);
    const values = {
      'credentials.apiKey': API_KEY,
      'credentials.hmacToken': HMAC,
      'credentials.content': CONTENT,
      'params.base_url': 'acme.passportalmsp.com',
    };
    const connect = page.getByRole('button', { name: 'Connect' });
    const setAll = (how: 'assign' | 'native') =>
      page.evaluate(
        ({ values, how }) => {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          for (const [name, value] of Object.entries(values)) {
            const el = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
            if (!el || !setter) throw new Error(`no input ${name}`);
            if (how === 'assign') el.value = value;
            else setter.call(el, value);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
          }
        },
        { values, how },
      );
    await setAll('assign');
    // Give React a moment; the button must stay disabled.
    await page.waitForTimeout(200);
    expect(await connect.isDisabled()).toBe(true);
    // Fresh page: after the plain assignment React's value tracker already holds these strings, so the
    // same strings set again would not count as a change either.
    await page.reload();
    await expect.poll(() => page.getByLabel('Content String').count()).toBe(1);
    await setAll('native');
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await page.close();
  });

  it('embeds the Connect fixture in the customer app iframe', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin(HOSTS.app)}/?variant=hideBaseUrl`);
    const frame = page.frameLocator('#connect-frame');
    await expect.poll(() => frame.getByRole('heading', { name: 'Link Passportal' }).count()).toBe(1);
    const connectFrame = page.frames().find((f) => new URL(f.url()).origin === 'https://connect.nango.dev');
    expect(connectFrame?.url()).toContain('hideBaseUrl=1');
    expect(await connectFrame?.evaluate(() => location.origin)).toBe('https://connect.nango.dev');
    expect(await frame.getByLabel('API Access Key ID').count()).toBe(1);
    await shot(page, 'host-app-iframe');
    await page.close();
  });

  it('hides the Base URL field with ?hideBaseUrl=1 and still submits the preset', async () => {
    server.submissions.length = 0;
    const page = await browser.context.newPage();
    await page.goto(connectUrl(['hideBaseUrl']));
    await expect.poll(() => page.getByLabel('API Access Key ID').count()).toBe(1);
    expect(await page.getByLabel('Passportal Base URL').count()).toBe(0);
    expect(await page.locator('input[type="hidden"][name="params.base_url"]').inputValue()).toBe(
      'preset.passportalmsp.com',
    );
    await page.fill('input[name="credentials.apiKey"]', API_KEY);
    await page.fill('input[name="credentials.hmacToken"]', HMAC);
    await page.fill('input[name="credentials.content"]', CONTENT);
    const connect = page.getByRole('button', { name: 'Connect' });
    await expect.poll(() => connect.isEnabled()).toBe(true);
    await connect.click();
    const submission = await server.waitForSubmission();
    expect(submission.body).toMatchObject({ params: { base_url: 'preset.passportalmsp.com' } });
    await page.close();
  });

  it('offers the relabel and honeypot variants', async () => {
    const page = await browser.context.newPage();
    await page.goto(connectUrl(['relabel', 'honeypot']));
    await expect.poll(() => page.getByLabel('HMAC Token', { exact: true }).count()).toBeGreaterThan(0);
    const names = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name));
    expect(names.some((n) => n.startsWith('credentials.') || n.startsWith('params.'))).toBe(false);
    // Five hidden decoys per field come before the real input, which its <label for> points at.
    expect(await page.locator('[data-decoy]').count()).toBe(20);
    expect(await page.locator('#field-hmacToken').getAttribute('name')).toBe('f2');
    const firstByName = await page.locator('input[name="f2"]').first().getAttribute('data-decoy');
    expect(firstByName).toBe('display-none');
    await page.close();
  });

  it('serves the Passportal dashboard, the negative-test origins, and nothing else', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin(HOSTS.passportal)}/dashboard#/default`);
    expect(await page.title()).toBe('Dashboard | Passportal');
    expect(page.url()).toBe('https://acme.passportalmsp.com/dashboard#/default');

    await page.goto(`${server.origin(HOSTS.lookalike)}/dashboard#/default`);
    expect(await page.evaluate(() => location.origin)).toBe('https://acme.passportalmsp.com.evil.test');
    expect(await page.title()).toBe('Dashboard | Passportal');

    await page.goto(connectUrl([], HOSTS.evil));
    expect(await page.evaluate(() => location.origin)).toBe('https://evil.test');
    await expect.poll(() => page.getByRole('heading', { name: 'Link Passportal' }).count()).toBe(1);

    await expect(page.goto('https://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });
});
