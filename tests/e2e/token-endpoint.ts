/**
 * A mock of Passportal's token endpoint (POST /api/v2/auth/client_token) that checks the HMAC for real:
 * x-hash must be HMAC-SHA256(content) keyed by the fixture secret of the fixture key in x-key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOKEN_PATH = '/api/v2/auth/client_token';
export const FIXTURE_KEY = 'c0ffee'.repeat(10) + 'beef';
export const FIXTURE_SECRET = 'fixture-Secret/Access+Key==';

export function tokenResponse(headers: Record<string, string | string[] | undefined>, rawBody: string) {
  let content: unknown;
  try {
    content = (JSON.parse(rawBody) as { content?: unknown }).content;
  } catch {
    return { status: 400, body: { success: false, message: 'Malformed request' } };
  }
  const key = String(headers['x-key'] ?? '');
  const hash = String(headers['x-hash'] ?? '');
  if (key !== FIXTURE_KEY || typeof content !== 'string') {
    return { status: 401, body: { success: false, message: 'Key verification failed' } };
  }
  const expected = Buffer.from(createHmac('sha256', FIXTURE_SECRET).update(content).digest('hex'));
  const given = Buffer.from(hash.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, body: { success: false, message: 'Key verification failed' } };
  }
  return {
    status: 200,
    body: { success: true, access_token: 'fixture-access-token', expiry_time: '2099-01-01T00:00:00Z' },
  };
}
