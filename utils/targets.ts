/**
 * Choosing where things come from and go to, as pure functions over plain data:
 * which Passportal tab gives the base URL, and in which order Connect frames are probed for the fill.
 */
import type { Embedder } from './messaging';
import { passportalHostFromUrl } from './passportal-host';

export interface TabInfo {
  id?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

export type BaseUrlSource = 'active-tab' | 'other-tab' | 'remembered' | 'none';

export interface RememberedHost {
  host: string;
  seenAt: number;
}

/**
 * The open tabs as the popup sees them: without its own tab (a popup opened as a page, as in e2e tests, is itself
 * the active tab), and "active" only in the popup's window — the tab the user was looking at.
 */
export function viewFromPopup<T extends TabInfo & { windowId?: number }>(
  tabs: readonly T[],
  own: { tabId?: number; windowId?: number } = {},
): T[] {
  return tabs
    .filter((t) => t.id !== own.tabId)
    .map((t) => ({ ...t, active: t.active === true && (own.windowId === undefined || t.windowId === own.windowId) }));
}

/** The Passportal tab to use: the active tab if it is Passportal, else the most recently used Passportal tab. */
export function passportalTab<T extends TabInfo>(
  tabs: readonly T[],
  extraOrigins: readonly string[] = [],
): { tab: T; active: boolean } | null {
  const candidates = tabs.filter((t) => passportalHostFromUrl(t.url, extraOrigins));
  const active = candidates.find((t) => t.active);
  if (active) return { tab: active, active: true };
  const [recent] = [...candidates].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return recent ? { tab: recent, active: false } : null;
}

/**
 * The base URL for the popup: the active tab if it is Passportal, else the most recently used open
 * Passportal tab, else the one remembered from an earlier visit.
 */
export function pickBaseUrl(
  tabs: readonly TabInfo[],
  remembered: RememberedHost | null,
  extraOrigins: readonly string[] = [],
): { host: string; source: BaseUrlSource } {
  const found = passportalTab(tabs, extraOrigins);
  const host = passportalHostFromUrl(found?.tab.url, extraOrigins);
  if (found && host) return { host, source: found.active ? 'active-tab' : 'other-tab' };
  if (remembered) return { host: remembered.host, source: 'remembered' };
  return { host: '', source: 'none' };
}

/** A Connect UI frame that announced itself to the background. Not secret. */
export interface ConnectFrameRecord {
  tabId: number;
  frameId: number;
  origin: string;
  embedder: Embedder;
  seenAt: number;
}

/** Most frames we remember; older ones are dropped first. */
export const MAX_FRAMES = 50;

/** Adds or refreshes a frame in the registry (newest first). */
export function upsertFrame(frames: readonly ConnectFrameRecord[], frame: ConnectFrameRecord): ConnectFrameRecord[] {
  const rest = frames.filter((f) => !(f.tabId === frame.tabId && f.frameId === frame.frameId));
  return [frame, ...rest].slice(0, MAX_FRAMES);
}

export function removeTab(frames: readonly ConnectFrameRecord[], tabId: number): ConnectFrameRecord[] {
  return frames.filter((f) => f.tabId !== tabId);
}

export interface FrameTarget {
  tabId: number;
  frameId: number;
}

/**
 * The order in which the popup probes Connect frames: the active tab first, then other tabs from the most
 * recently used; inside a tab the top frame first, then the newest frames. Frames of closed tabs and of
 * `excludeTabId` (the popup's own tab when it is opened as a page) are left out.
 */
export function orderFrameCandidates(
  tabs: readonly TabInfo[],
  frames: readonly ConnectFrameRecord[],
  excludeTabId?: number,
): FrameTarget[] {
  const open = tabs
    .filter((t): t is TabInfo & { id: number } => typeof t.id === 'number' && t.id !== excludeTabId)
    .sort(
      (a, b) => Number(b.active ?? false) - Number(a.active ?? false) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0),
    );
  const out: FrameTarget[] = [];
  for (const tab of open) {
    const inTab = frames
      .filter((f) => f.tabId === tab.id)
      .sort((a, b) => Number(a.frameId !== 0) - Number(b.frameId !== 0) || b.seenAt - a.seenAt);
    for (const f of inTab) out.push({ tabId: f.tabId, frameId: f.frameId });
  }
  return out;
}
