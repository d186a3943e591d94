import { describe, expect, it, vi } from 'vitest';
import { type TestInput, testCredentials } from '@/utils/credential-test';
import { testResultText } from '@/utils/messages';

const input: TestInput = {
  baseUrl: 'acme.passportalmsp.com',
  apiKey: 'k'.repeat(64),
  hmac: 'h'.repeat(64),
  content: 'c',
};
const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('testCredentials', () => {
  it('posts the documented request and reports success without keeping the token', async () => {
    const fetchFn = vi.fn((_url: string, _init: RequestInit) =>
      json(200, { success: true, access_token: 'TOKEN', expiry_time: '2026-12-03' }),
    );
    const result = await testCredentials(input, fetchFn);
    expect(result).toEqual({ ok: true });
    expect(JSON.stringify(result)).not.toContain('TOKEN');
    expect(fetchFn).toHaveBeenCalledWith('https://acme.passportalmsp.com/api/v2/auth/client_token', expect.anything());
    const init = fetchFn.mock.calls[0]?.[1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'x-key': input.apiKey, 'x-hash': input.hmac, 'content-type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ scope: 'docs_api', content: 'c' });
    expect(init.credentials).toBe('omit');
  });

  it("shows Passportal's own message on a 401", async () => {
    const result = await testCredentials(input, () =>
      json(401, { success: false, message: 'Key verification failed' }),
    );
    expect(result).toEqual({ ok: false, kind: 'rejected', status: 401, message: 'Key verification failed' });
    expect(testResultText(result, 'acme.passportalmsp.com').text).toMatch(/\(401: Key verification failed\)/);
  });

  it('handles a non-JSON error page and a 200 that is not a success', async () => {
    expect(await testCredentials(input, () => Promise.resolve(new Response('<html>', { status: 403 })))).toEqual({
      ok: false,
      kind: 'rejected',
      status: 403,
      message: null,
    });
    expect(await testCredentials(input, () => json(500, {}))).toEqual({ ok: false, kind: 'unexpected', status: 500 });
    expect(await testCredentials(input, () => json(200, { success: false }))).toEqual({
      ok: false,
      kind: 'unexpected',
      status: 200,
    });
  });

  it('reports a network failure in plain words', async () => {
    const result = await testCredentials(input, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(result).toEqual({ ok: false, kind: 'network', detail: 'Failed to fetch' });
    expect(testResultText(result, 'acme.passportalmsp.com').text).toMatch(/^Could not reach acme\.passportalmsp\.com/);
  });

  it('gives up after the timeout', async () => {
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const result = await testCredentials(input, hang, 20);
    expect(result).toEqual({ ok: false, kind: 'timeout' });
    expect(testResultText(result, 'x.passportalmsp.com').text).toMatch(/did not answer within 10 seconds/);
  });
});
