/**
 * A tiny HTTP CONNECT proxy that gives Firefox what Chromium's `--host-resolver-rules` gives it: the fixture
 * host names on port 443 reach the fixture server's ephemeral port, and nothing else goes anywhere.
 *
 * Why a proxy: Firefox's `network.dns.localDomains` maps a host name to 127.0.0.1 but keeps the port, so
 * `https://connect.nango.dev/` would need a server on port 443 (root only). With `network.proxy.type = 1`
 * and `network.proxy.ssl` pointing here, Firefox sends `CONNECT connect.nango.dev:443` and we open a plain TCP
 * tunnel to 127.0.0.1:<fixture port>; TLS stays end to end between Firefox and the fixture server, and
 * `location.origin` stays exactly `https://connect.nango.dev`. Any other host or port, and any plain HTTP
 * request, is refused with 403, so a test can never reach the internet by accident (and Firefox's own
 * background traffic dies here).
 */
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAPPED_HOST_PATTERNS } from '../e2e/launch.ts';
import { HOSTS } from '../e2e/server.ts';

/**
 * What the Firefox suite maps: Chromium's hosts, plus the origins a user adds in the options page. Only Firefox
 * can grant those headless (`extensions.webextOptionalPermissionPrompts`), so Chromium never needs them.
 */
export const FIREFOX_HOST_PATTERNS: readonly string[] = [
  ...MAPPED_HOST_PATTERNS,
  HOSTS.selfHostedConnect,
  HOSTS.customPassportal,
];

export interface TunnelProxy {
  port: number;
  /** Every CONNECT target refused (`host:port`), for tests that want to say what Firefox tried to reach. */
  refused: string[];
  close(): Promise<void>;
}

/** True when `host` matches one of the patterns: an exact name or `*.suffix` (any subdomain, not the apex). */
export function matchesHost(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some((pattern) =>
    pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern,
  );
}

/** Splits a CONNECT target `host:443` (or `[v6]:443`); null when it is not of that shape. */
export function parseConnectTarget(target: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(target);
  if (!match) return null;
  return { host: (match[1] as string).toLowerCase(), port: Number(match[2]) };
}

export async function startTunnelProxy(targetPort: number, hostPatterns: readonly string[]): Promise<TunnelProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket | Duplex>();
  const server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('firefox e2e proxy: plain HTTP is not served');
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = parseConnectTarget(req.url ?? '');
    if (target?.port !== 443 || !matchesHost(target.host, hostPatterns)) {
      refused.push(req.url ?? '');
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
