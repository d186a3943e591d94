/**
 * What the popup asks of the browser: where the base URL comes from, which Connect frame to fill, and the
 * fill itself. Decisions are the pure functions of utils/targets.ts; this module only gathers their inputs.
 */
import { browser } from 'wxt/browser';
import {
  type ContentRequest,
  type FillResponse,
  type FillValues,
  fillRequest,
  type ProbeResponse,
  probeRequest,
} from './messaging';
import { isAllowedConnectOrigin } from './origins';
import { injectIntoOpenTabs } from './registry';
import { connectFrames, lastPassportalHost, settings } from './storage';
import {
  type BaseUrlSource,
  type FrameTarget,
  orderFrameCandidates,
  pickBaseUrl,
  type TabInfo,
  viewFromPopup,
} from './targets';

/** How long a frame gets to answer before we treat it as gone (closed, navigated, orphaned). */
export const PROBE_TIMEOUT_MS = 800;

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** The open tabs as the popup sees them (see `viewFromPopup`). */
export async function tabsSeenFromPopup(): Promise<(TabInfo & { windowId?: number })[]> {
  const [tabs, current] = await Promise.all([browser.tabs.query({}), browser.tabs.getCurrent().catch(() => undefined)]);
  const windowId = current?.windowId ?? (await browser.windows.getLastFocused().catch(() => undefined))?.id;
  return viewFromPopup(tabs, { tabId: current?.id, windowId });
}

export async function detectBaseUrl(): Promise<{ host: string; source: BaseUrlSource }> {
  const [view, remembered, prefs] = await Promise.all([
    tabsSeenFromPopup(),
    lastPassportalHost.getValue(),
    settings.getValue(),
  ]);
  return pickBaseUrl(view, remembered, prefs.extraPassportalOrigins);
}

export interface FillTarget extends FrameTarget {
  probe: ProbeResponse;
}

function send<T>(target: FrameTarget, request: ContentRequest): Promise<T | undefined> {
  return withTimeout(
    browser.tabs.sendMessage(target.tabId, request, { frameId: target.frameId }) as Promise<T>,
    PROBE_TIMEOUT_MS,
  );
}

function isProbe(x: unknown): x is ProbeResponse {
  return typeof x === 'object' && x !== null && 'fields' in x && 'embedder' in x && 'origin' in x;
}

/**
 * Probes frames all at once (a stale frame only costs its timeout once) and keeps the first that has our form.
 * A form whose fields are all there but none fillable (hidden, disabled, ambiguous) is returned too, after any
 * fillable one, so the popup can say exactly why it will not fill instead of "no form found".
 */
async function firstWithForm(candidates: FrameTarget[]): Promise<FillTarget | null> {
  const extra = (await settings.getValue()).extraConnectOrigins;
  const answers = await Promise.all(candidates.map((c) => send<ProbeResponse>(c, probeRequest())));
  const ours = answers.flatMap((answer, i) => {
    const candidate = candidates[i];
    return candidate && isProbe(answer) && isAllowedConnectOrigin(answer.origin, extra)
      ? [{ ...candidate, probe: answer }]
      : [];
  });
  const states = (t: FillTarget) => Object.values(t.probe.fields).map((f) => f.state);
  return (
    ours.find((t) => states(t).includes('fillable')) ??
    ours.find((t) => states(t).some((s) => s === 'unavailable' || s === 'ambiguous')) ??
    null
  );
}

/**
 * The Connect form to fill: the active tab's when it has one, else the most recently used tab's.
 * Frames that announced themselves are tried first; if none has the form (tabs opened before install or
 * update), the content script is injected into open tabs and the frames it reached are tried in the same order.
 */
export async function findFillTarget(): Promise<FillTarget | null> {
  const current = await browser.tabs.getCurrent().catch(() => undefined);
  const [tabs, frames] = await Promise.all([browser.tabs.query({}), connectFrames.getValue()]);
  const found = await firstWithForm(orderFrameCandidates(tabs, frames, current?.id));
  if (found) return found;
  const reached = await injectIntoOpenTabs(tabs.filter((t) => t.id !== current?.id));
  const asRecords = reached.map((f) => ({ ...f, origin: '', embedder: { kind: 'unknown' as const }, seenAt: 0 }));
  return firstWithForm(orderFrameCandidates(tabs, asRecords, current?.id));
}

export async function fillTarget(target: FrameTarget, values: FillValues): Promise<FillResponse | undefined> {
  return send<FillResponse>(target, fillRequest(values));
}
