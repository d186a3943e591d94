/**
 * The browser's own `runtime` API, without webextension-polyfill, for the Connect content script only: it is
 * loaded into every Connect UI frame, and the polyfill alone would be most of its size budget (5 KB gzipped).
 * What it uses behaves the same natively in Chrome MV3 and Firefox: `id`, `getURL`, promise-returning
 * `sendMessage`, and an `onMessage` listener that answers synchronously through `sendResponse`.
 */
import type { SenderLike } from './messaging';

export interface NativeRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown> | undefined;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: SenderLike, sendResponse: (response: unknown) => void) => undefined,
    ): void;
  };
}

export function nativeRuntime(g: object = globalThis): NativeRuntime {
  const { browser, chrome } = g as { browser?: { runtime?: NativeRuntime }; chrome?: { runtime?: NativeRuntime } };
  const runtime = browser?.runtime ?? chrome?.runtime;
  if (!runtime) throw new Error('No extension runtime in this context');
  return runtime;
}

/** The self-hosted Connect origins from the settings, read with the native storage API (no polyfill). */
export async function extraConnectOrigins(g: object = globalThis): Promise<string[]> {
  const { browser, chrome } = g as { browser?: NativeExt; chrome?: NativeExt };
  const local = (browser ?? chrome)?.storage?.local;
  if (!local || new URL(location.href).origin === 'https://connect.nango.dev') return [];
  try {
    const { settings } = (await local.get('settings')) as { settings?: { extraConnectOrigins?: unknown } };
    const list = settings?.extraConnectOrigins;
    return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

interface NativeExt {
  storage?: { local?: { get(key: string): Promise<unknown> } };
}
