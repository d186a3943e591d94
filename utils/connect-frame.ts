/**
 * What the Connect content script does, minus the wiring: describe the frame (probe) and fill it.
 * Takes the window it works on, so unit tests pass a happy-dom window and a fake layout.
 */

import { FIELD_SPECS, type FieldState, findConnectFields, findField } from './connect-form';
import { FIELD_KEYS, type FieldKey } from './credentials';
import { coveredProblem, setInputValue, type VisibilityEnv, windowEnv } from './fill';
import type { Embedder, FieldReport, FillOutcome, FillResponse, FillValues, ProbeResponse } from './messaging';

/**
 * The site that embeds this frame. Chromium exposes `location.ancestorOrigins` (last = top); where it is
 * missing (Firefox) we do not guess from `document.referrer`, which the embedder controls: "unknown".
 */
export function embedderOf(win: Window): Embedder {
  let isTop: boolean;
  try {
    isTop = win.top === win;
  } catch {
    isTop = false;
  }
  if (isTop) return { kind: 'top-level' };
  const ancestors = win.location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
  return top && top !== 'null' ? { kind: 'embedded', origin: top } : { kind: 'unknown' };
}

function report(state: FieldState): FieldReport {
  switch (state.state) {
    case 'fillable':
      return { state: 'fillable' };
    case 'unavailable':
      return { state: 'unavailable', problem: state.problem };
    case 'ambiguous':
      return { state: 'ambiguous', count: state.count };
    case 'missing':
      return { state: 'missing' };
  }
}

export function probeFrame(win: Window, env: VisibilityEnv = windowEnv(win)): ProbeResponse {
  const fields = findConnectFields(win.document, env);
  const out = {} as Record<FieldKey, FieldReport>;
  for (const key of FIELD_KEYS) out[key] = report(fields[key]);
  return { origin: win.location.origin, embedder: embedderOf(win), fields: out };
}

/**
 * Fills the fields named in `values`, all or nothing: every field is re-found and re-checked right before the
 * fill (the page may have changed since the probe), each one scrolled into view and checked for cover, and only
 * when all of them pass is any value written. A form with one hidden, covered or ambiguous field is not a form
 * we half-fill (after Bitwarden's "collect → decide → fill": decide for the whole form first). Never submits.
 * Fields not in `values` are left alone.
 */
export function fillFrame(win: Window, values: FillValues, env: VisibilityEnv = windowEnv(win)): FillResponse {
  const results = {} as Record<FieldKey, FillOutcome>;
  const ready: [FieldKey, HTMLInputElement, string][] = [];
  for (const spec of FIELD_SPECS) {
    const value = values[spec.key];
    if (value === undefined) {
      results[spec.key] = { state: 'skipped' };
      continue;
    }
    const found = findField(win.document, spec, env);
    if (found.state !== 'fillable') {
      results[spec.key] = {
        state: 'failed',
        problem: found.state === 'unavailable' ? found.problem : found.state,
      };
      continue;
    }
    const el = found.element;
    // Judge cover where the user would see it: bring the field into view first (no smooth scrolling).
    el.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    const covered = coveredProblem(el, env);
    if (covered) {
      results[spec.key] = { state: 'failed', problem: covered };
      continue;
    }
    ready.push([spec.key, el, value]);
  }
  const refused = Object.values(results).some((r) => r.state === 'failed');
  for (const [key, el, value] of ready) {
    if (refused) results[key] = { state: 'held' };
    else results[key] = setInputValue(el, value) ? { state: 'filled' } : { state: 'failed', problem: 'rejected' };
  }
  return { origin: win.location.origin, embedder: embedderOf(win), results };
}
