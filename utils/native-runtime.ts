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
