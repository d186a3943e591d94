/**
 * The one message protocol of the extension. Every message is one of these shapes; receivers validate
 * both the shape (`parse*`) and the sender (`is*Sender`) before acting.
 *
 *   popup ──ProbeRequest/FillRequest──► Connect content script (one frame, via tabs.sendMessage + frameId)
 *   Connect content script ──FrameHello──► background (registry of Connect frames)
 */
import type { FieldKey } from './credentials';
import type { FillProblem } from './fill';

const NS = 'pch';

/** Which site embeds a Connect frame. */
export type Embedder =
  | { kind: 'top-level' } // Connect UI opened directly in the tab
  | { kind: 'embedded'; origin: string } // from location.ancestorOrigins
  | { kind: 'unknown' }; // embedded, but the browser does not tell us by whom

export type FieldReport =
  | { state: 'fillable' }
  | { state: 'unavailable'; problem: FillProblem }
  | { state: 'missing' }
  | { state: 'ambiguous'; count: number };

export interface ProbeResponse {
  origin: string;
  embedder: Embedder;
  fields: Record<FieldKey, FieldReport>;
}

export type FillOutcome =
  | { state: 'filled' }
  | { state: 'skipped' } // the popup had nothing to put there (field not shown when probed)
  | { state: 'held' } // fillable, but not filled because another field of the form was refused (all or nothing)
  | { state: 'failed'; problem: FillProblem | 'missing' | 'ambiguous' | 'rejected' };

export interface FillResponse {
  origin: string;
  embedder: Embedder;
  results: Record<FieldKey, FillOutcome>;
}

export type FillValues = Partial<Record<FieldKey, string>>;

export type ContentRequest = { ns: typeof NS; kind: 'probe' } | { ns: typeof NS; kind: 'fill'; values: FillValues };

export interface FrameHello {
  ns: typeof NS;
  kind: 'connect-frame-hello';
  embedder: Embedder;
}

export function probeRequest(): ContentRequest {
  return { ns: NS, kind: 'probe' };
}
export function fillRequest(values: FillValues): ContentRequest {
  return { ns: NS, kind: 'fill', values };
}
export function frameHello(embedder: Embedder): FrameHello {
  return { ns: NS, kind: 'connect-frame-hello', embedder };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const FIELD_KEYS: readonly FieldKey[] = ['apiKey', 'hmacToken', 'content', 'baseUrl'];

/** Validates an incoming content-script request; anything else is null and ignored. */
export function parseContentRequest(x: unknown): ContentRequest | null {
  if (!isRecord(x) || x.ns !== NS) return null;
  if (x.kind === 'probe') return probeRequest();
  if (x.kind === 'fill' && isRecord(x.values)) {
    const values: FillValues = {};
    for (const [key, value] of Object.entries(x.values)) {
      if (!(FIELD_KEYS as readonly string[]).includes(key) || typeof value !== 'string') return null;
      values[key as FieldKey] = value;
    }
    return fillRequest(values);
  }
  return null;
}

export function parseEmbedder(x: unknown): Embedder | null {
  if (!isRecord(x)) return null;
  if (x.kind === 'top-level' || x.kind === 'unknown') return { kind: x.kind };
  if (x.kind === 'embedded' && typeof x.origin === 'string' && x.origin !== '') {
    return { kind: 'embedded', origin: x.origin };
  }
  return null;
}

export function parseFrameHello(x: unknown): FrameHello | null {
  if (!isRecord(x) || x.ns !== NS || x.kind !== 'connect-frame-hello') return null;
  const embedder = parseEmbedder(x.embedder);
  return embedder ? frameHello(embedder) : null;
}

/** The parts of `runtime.MessageSender` we rely on. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * True when a message comes from one of this extension's own pages (popup, options), not from a content
 * script in some web page. A popup opened as a tab (as e2e tests do) carries `sender.tab`, so we check
 * the sender's URL, which the browser sets, not the absence of a tab.
 */
export function isExtensionPageSender(sender: SenderLike, runtimeId: string, extensionBaseUrl: string): boolean {
  if (sender.id !== runtimeId || !sender.url) return false;
  // A prefix check, not URL.origin: for non-special schemes such as chrome-extension: the origin is
  // "null" in some runtimes, and "null" === "null" would accept any extension.
  const base = extensionBaseUrl.endsWith('/') ? extensionBaseUrl : `${extensionBaseUrl}/`;
  return /^[a-z-]+-extension:\/\/[^/]+\/$/.test(base) && sender.url.startsWith(base);
}

/** True when a message comes from our own content script in a frame on an allowed Connect origin. */
export function isConnectFrameSender(
  sender: SenderLike,
  runtimeId: string,
  isAllowedOrigin: (origin: string) => boolean,
): sender is SenderLike & { tab: { id: number }; frameId: number; url: string } {
  if (sender.id !== runtimeId || typeof sender.tab?.id !== 'number' || typeof sender.frameId !== 'number') return false;
  if (!sender.url) return false;
  try {
    return isAllowedOrigin(new URL(sender.url).origin);
  } catch {
    return false;
  }
}
