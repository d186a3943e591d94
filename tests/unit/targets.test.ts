import { describe, expect, it } from 'vitest';
import {
  type ConnectFrameRecord,
  MAX_FRAMES,
  orderFrameCandidates,
  pickBaseUrl,
  removeTab,
  upsertFrame,
} from '@/utils/targets';

const top = { kind: 'top-level' } as const;

describe('pickBaseUrl', () => {
  const remembered = { host: 'old.passportalmsp.com', seenAt: 1 };

  it('takes the active tab first', () => {
    const tabs = [
      { id: 1, url: 'https://other.passportalmsp.com/', lastAccessed: 99 },
      { id: 2, url: 'https://acme.passportalmsp.com/dashboard', active: true, lastAccessed: 5 },
    ];
    expect(pickBaseUrl(tabs, remembered)).toEqual({ host: 'acme.passportalmsp.com', source: 'active-tab' });
  });

  it('else the most recently used Passportal tab', () => {
    const tabs = [
      { id: 1, url: 'https://connect.nango.dev/', active: true, lastAccessed: 100 },
      { id: 2, url: 'https://older.passportalmsp.com/', lastAccessed: 10 },
      { id: 3, url: 'https://newer.passportalmsp.com/', lastAccessed: 50 },
      { id: 4, url: 'https://newest.passportalmsp.com.evil.test/', lastAccessed: 90 },
    ];
    expect(pickBaseUrl(tabs, remembered)).toEqual({ host: 'newer.passportalmsp.com', source: 'other-tab' });
  });

  it('else the remembered host, else nothing', () => {
    expect(pickBaseUrl([{ id: 1 }], remembered)).toEqual({ host: 'old.passportalmsp.com', source: 'remembered' });
    expect(pickBaseUrl([], null)).toEqual({ host: '', source: 'none' });
  });
});

describe('frame registry', () => {
  const frame = (tabId: number, frameId: number, seenAt = 1): ConnectFrameRecord => ({
    tabId,
    frameId,
    origin: 'https://connect.nango.dev',
    embedder: top,
    seenAt,
  });

  it('upserts newest first without duplicates, bounded', () => {
    let list = upsertFrame([], frame(1, 0, 1));
    list = upsertFrame(list, frame(2, 5, 2));
    list = upsertFrame(list, frame(1, 0, 3));
    expect(list.map((f) => [f.tabId, f.seenAt])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    for (let i = 0; i < MAX_FRAMES + 10; i++) list = upsertFrame(list, frame(100 + i, 0));
    expect(list).toHaveLength(MAX_FRAMES);
    expect(removeTab([frame(1, 0), frame(2, 0), frame(1, 4)], 1)).toEqual([frame(2, 0)]);
  });

  it('orders candidates: active tab, then most recently used; top frame first; popup tab and closed tabs left out', () => {
    const tabs = [
      { id: 1, lastAccessed: 10 },
      { id: 2, lastAccessed: 30 },
      { id: 3, active: true, lastAccessed: 5 },
      { id: 9, active: true, lastAccessed: 99 }, // the popup opened as a tab
    ];
    const frames = [frame(1, 0), frame(2, 7, 1), frame(2, 8, 2), frame(3, 4), frame(9, 0), frame(42, 0)];
    expect(orderFrameCandidates(tabs, frames, 9)).toEqual([
      { tabId: 3, frameId: 4 },
      { tabId: 2, frameId: 8 },
      { tabId: 2, frameId: 7 },
      { tabId: 1, frameId: 0 },
    ]);
  });
});
