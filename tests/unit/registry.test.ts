import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { frameHello } from '@/utils/messaging';
import { BADGE_TEXT, forgetTab, noteTabUrl, onFrameHello } from '@/utils/registry';
import { connectFrames, lastPassportalHost } from '@/utils/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('noteTabUrl (Passportal tab watcher)', () => {
  it('marks a Passportal tab and remembers its host', async () => {
    await noteTabUrl(7, 'https://acme.passportalmsp.com/dashboard#/default', 1234);
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe(BADGE_TEXT);
    expect(await lastPassportalHost.getValue()).toEqual({ host: 'acme.passportalmsp.com', seenAt: 1234 });
  });

  it('clears the mark on other pages and never remembers a lookalike', async () => {
    await noteTabUrl(7, 'https://acme.passportalmsp.com/', 1);
    await noteTabUrl(7, 'https://acme.passportalmsp.com.evil.test/', 2);
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(await lastPassportalHost.getValue()).toEqual({ host: 'acme.passportalmsp.com', seenAt: 1 });
  });
});

describe('Connect frame registry', () => {
  const sender = (url: string, tabId = 3, frameId = 5) => ({
    id: browser.runtime.id,
    url,
    tab: { id: tabId },
    frameId,
  });
  const hello = frameHello({ kind: 'embedded', origin: 'https://app.customer.test' });

  it('records frames that announce themselves from an allowed Connect origin', async () => {
    expect(await onFrameHello(hello, sender('https://connect.nango.dev/x'), 9)).toBe(true);
    expect(await connectFrames.getValue()).toEqual([
      {
        tabId: 3,
        frameId: 5,
        origin: 'https://connect.nango.dev',
        embedder: { kind: 'embedded', origin: 'https://app.customer.test' },
        seenAt: 9,
      },
    ]);
    await forgetTab(3);
    expect(await connectFrames.getValue()).toEqual([]);
  });

  it('ignores hellos from other origins, other extensions and malformed messages', async () => {
    expect(await onFrameHello(hello, sender('https://evil.test/'))).toBe(false);
    expect(await onFrameHello(hello, { ...sender('https://connect.nango.dev/'), id: 'other' })).toBe(false);
    expect(await onFrameHello({ kind: 'connect-frame-hello' }, sender('https://connect.nango.dev/'))).toBe(false);
    expect(await connectFrames.getValue()).toEqual([]);
  });

  it('keeps every frame when many announce themselves at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => onFrameHello(hello, sender('https://connect.nango.dev/', i, 0))),
    );
    expect(await connectFrames.getValue()).toHaveLength(20);
  });
});
