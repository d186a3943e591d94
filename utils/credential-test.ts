/**
 * "Test credentials": ask Passportal itself whether the Access Key ID and HMAC are right, before Nango does.
 * POST https://<base>/api/v2/auth/client_token, headers x-key and x-hash, body {"scope":"docs_api","content":…}.
 * The token Passportal returns is discarded at once; only a user click calls this.
 */

export const TOKEN_PATH = '/api/v2/auth/client_token';
export const TEST_TIMEOUT_MS = 10_000;

export interface TestInput {
  baseUrl: string;
  apiKey: string;
  hmac: string;
  content: string;
}

export type TestResult =
  | { ok: true }
  | { ok: false; kind: 'rejected'; status: number; message: string | null }
  | { ok: false; kind: 'timeout' }
  | { ok: false; kind: 'network'; detail: string }
  | { ok: false; kind: 'unexpected'; status: number };

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function messageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'error', 'msg']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim().slice(0, 300);
  }
  return null;
}

export async function testCredentials(
  input: TestInput,
  fetchFn: FetchLike = (url, init) => fetch(url, init),
  timeoutMs = TEST_TIMEOUT_MS,
): Promise<TestResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(`https://${input.baseUrl}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'x-key': input.apiKey, 'x-hash': input.hmac, 'content-type': 'application/json' },
      body: JSON.stringify({ scope: 'docs_api', content: input.content }),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON (an HTML error page, an empty body): judged by the status alone.
    }
    // The access token in `body` is dropped here: we only keep whether Passportal accepted the credentials.
    if (response.ok && (body as { success?: unknown } | null)?.success === true) return { ok: true };
    if (response.status >= 400 && response.status < 500) {
      return { ok: false, kind: 'rejected', status: response.status, message: messageOf(body) };
    }
    return { ok: false, kind: 'unexpected', status: response.status };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, kind: 'timeout' };
    return { ok: false, kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
