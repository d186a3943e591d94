import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLEAR_CLIPBOARD_ALARM, emptyClipboard, scheduleClipboardClear } from '@/utils/clipboard';
import { nativeRuntime } from '@/utils/native-runtime';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('scheduleClipboardClear', () => {
  it('sets an alarm for the delay, and none when clearing is off', async () => {
    await scheduleClipboardClear(60, 1_000);
    expect((await browser.alarms.get(CLEAR_CLIPBOARD_ALARM))?.scheduledTime).toBe(61_000);
    await scheduleClipboardClear(0, 2_000);
    expect(await browser.alarms.get(CLEAR_CLIPBOARD_ALARM)).toBeUndefined();
  });
});

describe('emptyClipboard', () => {
  it('answers the copy event with an empty string and removes its listener', () => {
    const written: string[] = [];
    let listener: ((e: ClipboardEvent) => void) | undefined;
    const doc = {
      addEventListener: (_: string, l: (e: ClipboardEvent) => void) => {
        listener = l;
      },
      removeEventListener: () => {
        listener = undefined;
      },
      execCommand: () => {
        listener?.({
          clipboardData: { setData: (_t: string, v: string) => written.push(v) },
          preventDefault() {},
        } as unknown as ClipboardEvent);
        return true;
      },
    } as unknown as Document;
    expect(emptyClipboard(doc)).toBe(true);
    expect(written).toEqual(['']);
    expect(listener).toBeUndefined();
  });
});

describe('nativeRuntime', () => {
  it('prefers browser.runtime, falls back to chrome.runtime, and says when there is none', () => {
    const runtime = { id: 'x' };
    expect(nativeRuntime({ browser: { runtime }, chrome: { runtime: { id: 'y' } } })).toBe(runtime);
    expect(nativeRuntime({ chrome: { runtime } })).toBe(runtime);
    expect(() => nativeRuntime({})).toThrow(/No extension runtime/);
  });
});
