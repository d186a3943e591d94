/**
 * One local HTTPS server for every fixture origin. Chromium reaches it for the real host names through
 * `--host-resolver-rules` (see launch.ts), so pages keep their real origins, e.g. exactly
 * `https://connect.nango.dev`. The server routes on the Host header:
 *
 *   connect.nango.dev, evil.test         the Connect UI fixture (any path; `/assets/*` are its files)
 *   connect.example.com                  the same Connect fixture on a self-hosted origin (Firefox options suite)
 *   connect.nango.dev.evil.test          a lookalike Connect host serving the same fixture
 *   <connect host>/__attack/<kind>       an attack page of the adversarial suite (fixtures/attacks.ts)
 *   evil.test/__embed                    a hostile site embedding the real Connect UI in an iframe
 *   app.customer.test                    a customer app embedding https://connect.nango.dev in an iframe;
 *                                        `?variant=hideBaseUrl` (repeatable or comma-separated) passes
 *                                        `hideBaseUrl=1` etc. on to the iframe
 *   *.passportalmsp.com                  a Passportal dashboard (any path, e.g. /dashboard#/default)
 *   *.passportalmsp.com/settings/api-keys  the API Keys page with the "Create access key" dialog
 *                                        (`?dialog=hidden|shown|none|unknown`, fixtures/passportal-api-keys.html)
 *   *.passportalmsp.com.evil.test        a lookalike of that dashboard
 *   vault.example.com                    that dashboard on a custom Passportal domain (Firefox options suite)
 *   app.customer.test/lookalike          the customer app embedding the *lookalike* Connect host instead
 *   POST /__submit on any host           recorded in `submissions`
 *
 * Every request is recorded in `requests` (host, method, path), so tests can list what the browser asked for.
 *
 * The certificate is self-signed and generated at test time (Chromium runs with
 * --ignore-certificate-errors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';
import { attackPage, hostileEmbedPage, isAttackKind } from './fixtures/attacks.ts';
import { CONNECT_DIST_DIR, FIXTURES_DIR } from './paths.ts';
import { TOKEN_PATH, tokenResponse } from './token-endpoint.ts';

/** The host names the fixtures are served on (all mapped to this server by launch.ts). */
export const HOSTS = {
  connect: 'connect.nango.dev',
  app: 'app.customer.test',
  passportal: 'acme.passportalmsp.com',
  evil: 'evil.test',
  lookalike: 'acme.passportalmsp.com.evil.test',
  connectLookalike: 'connect.nango.dev.evil.test',
  /** A self-hosted Nango Connect UI, added in the options (tests/firefox/options-origins.firefox.test.ts). */
  selfHostedConnect: 'connect.example.com',
  /** A custom Passportal domain, added in the options. */
  customPassportal: 'vault.example.com',
} as const;

/** Query-string switches understood by the Connect fixture (see fixtures/connect/main.ts). */
export const VARIANTS = ['hideBaseUrl', 'relabel', 'honeypot'] as const;
export type ConnectVariant = (typeof VARIANTS)[number];

export interface Submission {
  /** Host header of the request, e.g. `connect.nango.dev`. */
  host: string;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
}

export interface TokenRequest {
  host: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
}

export interface RecordedRequest {
  host: string;
  method: string;
  /** Path and query, e.g. `/api/v2/auth/client_token`. */
  path: string;
}

export interface FixtureServer {
  /** The ephemeral port on 127.0.0.1; pass the server to `launchWithExtension` to map hosts to it. */
  port: number;
  /** `https://<host>` as the browser sees it (no port: launch.ts maps :443 to `port`). */
  origin(host: string): string;
  /** Every POST to `/__submit`, oldest first. Tests may clear it with `submissions.length = 0`. */
  submissions: Submission[];
  /** Every POST to Passportal's mocked token endpoint, with its headers and the status answered. */
  tokenRequests: TokenRequest[];
  /** Every request the server received, oldest first. */
  requests: RecordedRequest[];
  /** Resolves with the first submission (already recorded or future) that matches, or rejects on timeout. */
  waitForSubmission(predicate?: (s: Submission) => boolean, timeoutMs?: number): Promise<Submission>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const MAX_BODY_BYTES = 64 * 1024;

let certificate: Promise<{ key: string; cert: string }> | undefined;

/** One certificate per test process; EC keys keep generation in the milliseconds. */
function getCertificate(): Promise<{ key: string; cert: string }> {
  certificate ??= generate([{ name: 'commonName', value: HOSTS.connect }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...Object.values(HOSTS).map((value) => ({ type: 2 as const, value })),
          { type: 2, value: '*.passportalmsp.com' },
          { type: 2, value: '*.evil.test' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certificate;
}

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

function isConnectHost(host: string): boolean {
  return (
    host === HOSTS.connect || host === HOSTS.evil || host === HOSTS.connectLookalike || host === HOSTS.selfHostedConnect
  );
}

function isPassportalLikeHost(host: string): boolean {
  return (
    host.endsWith('.passportalmsp.com') ||
    host.endsWith('.passportalmsp.com.evil.test') ||
    host === HOSTS.customPassportal
  );
}

/** URL of the Connect fixture with the given variants, e.g. `connectUrl(['hideBaseUrl'])`. */
export function connectUrl(variants: readonly ConnectVariant[] = [], host: string = HOSTS.connect): string {
  const query = new URLSearchParams({ session_token: 'e2e-session' });
  for (const v of variants) query.set(v, '1');
  return `https://${host}/?${query}`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error(`body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServer(): Promise<FixtureServer> {
  const connectIndex = path.join(CONNECT_DIST_DIR, 'index.html');
  if (!existsSync(connectIndex)) {
    throw new Error(
      `e2e: ${connectIndex} is missing. The vitest global setup builds it (tests/e2e/global-setup.ts); ` +
        'run the tests through `vitest --project e2e`, or call buildFixtures() from tests/e2e/build-fixtures.ts.',
    );
  }
  const templates = {
    hostApp: readFileSync(path.join(FIXTURES_DIR, 'host-app.html'), 'utf8'),
    dashboard: readFileSync(path.join(FIXTURES_DIR, 'passportal-dashboard.html'), 'utf8'),
  };
  const submissions: Submission[] = [];
  const tokenRequests: TokenRequest[] = [];
  const requests: RecordedRequest[] = [];
  const waiters = new Set<(s: Submission) => void>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = hostOf(req);
    const url = new URL(req.url ?? '/', `https://${host || 'unknown.invalid'}`);
    requests.push({ host, method: req.method ?? '', path: `${url.pathname}${url.search}` });

    if (url.pathname === '/__submit') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const text = await readBody(req);
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Keep the raw text; the test will say what it got.
      }
      const submission: Submission = { host, body, receivedAt: Date.now() };
      submissions.push(submission);
      for (const waiter of waiters) waiter(submission);
      return send(res, 200, 'application/json', '{"ok":true}');
    }
    if (url.pathname === TOKEN_PATH && isPassportalLikeHost(host)) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const answer = tokenResponse(req.headers, await readBody(req));
      tokenRequests.push({ host, headers: { ...req.headers }, status: answer.status });
      return send(res, answer.status, 'application/json', JSON.stringify(answer.body));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only');

    if (host === HOSTS.evil && url.pathname === '/__embed') {
      return send(res, 200, CONTENT_TYPES['.html'] as string, hostileEmbedPage(connectUrl()));
    }
    if (isConnectHost(host)) {
      if (url.pathname.startsWith('/__attack/')) {
        const kind = url.pathname.slice('/__attack/'.length);
        if (!isAttackKind(kind)) return send(res, 404, 'text/plain', `no attack page "${kind}"`);
        return send(res, 200, CONTENT_TYPES['.html'] as string, attackPage(kind));
      }
      if (url.pathname.startsWith('/assets/')) {
        const assetsDir = path.join(CONNECT_DIST_DIR, 'assets');
        const file = path.resolve(assetsDir, `.${decodeURIComponent(url.pathname.slice('/assets'.length))}`);
        if (!file.startsWith(assetsDir + path.sep) || !existsSync(file))
          return send(res, 404, 'text/plain', 'not found');
        const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        return send(res, 200, type, await readFile(file));
      }
      if (url.pathname === '/favicon.ico') return send(res, 404, 'text/plain', 'not found');
      return send(res, 200, CONTENT_TYPES['.html'] as string, await readFile(connectIndex));
    }

    if (host === HOSTS.app) {
      // `?variant=hideBaseUrl&variant=relabel` or `?variant=hideBaseUrl,relabel` → `?hideBaseUrl=1&relabel=1`.
      const variants = url.searchParams
        .getAll('variant')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v): v is ConnectVariant => VARIANTS.includes(v as ConnectVariant));
      const frameHost = url.pathname === '/lookalike' ? HOSTS.connectLookalike : HOSTS.connect;
      const html = templates.hostApp.replace('{{CONNECT_SRC}}', escapeHtml(connectUrl(variants, frameHost)));
      return send(res, 200, CONTENT_TYPES['.html'] as string, html);
    }

    if (isPassportalLikeHost(host)) {
      // Settings > API Keys with the "Create access key" dialog (issue 6); the page reads `?dialog=` itself.
      if (url.pathname === '/settings/api-keys') {
        const page = await readFile(path.join(FIXTURES_DIR, 'passportal-api-keys.html'));
        return send(res, 200, CONTENT_TYPES['.html'] as string, page);
      }
      const html = templates.dashboard.replace('{{HOST}}', escapeHtml(host));
      return send(res, 200, CONTENT_TYPES['.html'] as string, html);
    }

    return send(res, 404, 'text/plain', `e2e server: no fixture for host "${host}"`);
  }

  const { key, cert } = await getCertificate();
  const server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `e2e server error: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    origin: (host) => `https://${host}`,
    submissions,
    tokenRequests,
    requests,
    waitForSubmission(predicate = () => true, timeoutMs = 5_000) {
      const found = submissions.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (s: Submission) => {
          if (!predicate(s)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(s);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(`e2e server: no matching POST /__submit within ${timeoutMs} ms (got ${submissions.length})`),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; drop them so close() does not wait for their idle timeout.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
