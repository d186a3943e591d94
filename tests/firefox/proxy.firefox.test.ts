/** The Firefox suite's CONNECT proxy: which targets it tunnels, and that it refuses the rest (no browser here). */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MAPPED_HOST_PATTERNS } from '../e2e/launch.ts';
import { matchesHost, parseConnectTarget, startTunnelProxy } from './proxy.ts';

describe('matchesHost', () => {
  it.each([
    ['connect.nango.dev', true],
    ['CONNECT.nango.dev', true],
    ['acme.passportalmsp.com', true],
    ['acme.passportalmsp.com.evil.test', true],
    ['passportalmsp.com', false],
    ['evilpassportalmsp.com', false],
    ['nango.dev', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(matchesHost(host, MAPPED_HOST_PATTERNS)).toBe(expected);
  });
});

describe('parseConnectTarget', () => {
  it.each([
    ['connect.nango.dev:443', { host: 'connect.nango.dev', port: 443 }],
    ['[::1]:443', { host: '[::1]', port: 443 }],
    ['connect.nango.dev', null],
    ['http://connect.nango.dev/', null],
  ])('%s', (target, expected) => {
    expect(parseConnectTarget(target)).toEqual(expected);
  });
});

/** Sends one CONNECT and returns the proxy's status line. */
function connectThrough(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`),
    );
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('startTunnelProxy', () => {
  it('tunnels mapped hosts on 443 only and records what it refused', async () => {
    // Any listening port will do as the target: a tunnel only needs the TCP connection to open.
    const target = await startTunnelProxy(1, []);
    const proxy = await startTunnelProxy(target.port, MAPPED_HOST_PATTERNS);
    try {
      expect(await connectThrough(proxy.port, 'connect.nango.dev:443')).toBe('HTTP/1.1 200 Connection Established');
      expect(await connectThrough(proxy.port, 'connect.nango.dev:80')).toBe('HTTP/1.1 403 Forbidden');
      expect(await connectThrough(proxy.port, 'example.com:443')).toBe('HTTP/1.1 403 Forbidden');
      expect(proxy.refused).toEqual(['connect.nango.dev:80', 'example.com:443']);
    } finally {
      await proxy.close();
      await target.close();
    }
  });
});
