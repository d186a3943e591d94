/**
 * Finding the Passportal fields of Nango's Connect UI in a document.
 * Pipeline (after Bitwarden's autofill): collect candidates → decide (fillable or why not) → fill (utils/fill.ts).
 * DOM only, no extension API: tests call these with a `Document`.
 */
import type { FieldKey } from './credentials';
import { type FillProblem, fillProblem, type VisibilityEnv } from './fill';

export interface FieldSpec {
  key: FieldKey;
  /** The `name` Nango gives the input (react-hook-form path). Matched first. */
  name: string;
  /** Label texts, normalised (lowercase, no `*`/`:`); integrations can relabel, so several are accepted. */
  labels: readonly string[];
}

export const FIELD_SPECS: readonly FieldSpec[] = [
  { key: 'apiKey', name: 'credentials.apiKey', labels: ['api access key id', 'access key id', 'api key'] },
  { key: 'hmacToken', name: 'credentials.hmacToken', labels: ['hmac token', 'hmac'] },
  { key: 'content', name: 'credentials.content', labels: ['content string', 'content'] },
  { key: 'baseUrl', name: 'params.base_url', labels: ['passportal base url', 'base url'] },
];

export type FieldState =
  | { state: 'fillable'; element: HTMLInputElement }
  /** Present but not fillable: hidden (preconfigured by the integration), disabled, read-only… */
  | { state: 'unavailable'; problem: FillProblem }
  | { state: 'missing' }
  /** More than one fillable input claims to be this field: we refuse to guess. */
  | { state: 'ambiguous'; count: number };

const TEXT_TYPES = new Set(['', 'text', 'password', 'url', 'search', 'email', 'tel']);

/** Normalises label text: collapses whitespace, drops required markers and a trailing colon, lowercases. */
export function normaliseLabel(text: string): string {
  return text.replace(/[*:]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The accessible label texts of an input: `<label for>`, a wrapping `<label>`, `aria-label`, `aria-labelledby`. */
export function labelsOf(input: HTMLInputElement): string[] {
  const doc = input.ownerDocument;
  const out: string[] = [];
  for (const label of input.labels ?? []) out.push(label.textContent ?? '');
  const aria = input.getAttribute('aria-label');
  if (aria) out.push(aria);
  // aria-labelledby names several elements whose texts form one label, joined by spaces.
  const ids = (input.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  if (ids.length) out.push(ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' '));
  return out.map(normaliseLabel).filter(Boolean);
}

function textInputs(doc: Document): HTMLInputElement[] {
  return [...doc.querySelectorAll('input')].filter((el) => TEXT_TYPES.has(el.type) || el.type === 'hidden');
}

/** Locates one field: inputs with the expected `name` first; only when none exist, inputs with a matching label. */
export function findField(doc: Document, spec: FieldSpec, env?: VisibilityEnv): FieldState {
  const inputs = textInputs(doc);
  let candidates = inputs.filter((el) => el.name === spec.name);
  if (candidates.length === 0) {
    candidates = inputs.filter((el) => labelsOf(el).some((label) => spec.labels.includes(label)));
  }
  if (candidates.length === 0) return { state: 'missing' };

  const fillable: HTMLInputElement[] = [];
  let firstProblem: FillProblem | undefined;
  for (const el of candidates) {
    const problem = fillProblem(el, env);
    if (problem) firstProblem ??= problem;
    else fillable.push(el);
  }
  const [only] = fillable;
  if (fillable.length > 1) return { state: 'ambiguous', count: fillable.length };
  if (only) return { state: 'fillable', element: only };
  return { state: 'unavailable', problem: firstProblem ?? 'hidden' };
}

export type ConnectFields = Record<FieldKey, FieldState>;

/** Locates all four Passportal fields of a Connect form. */
export function findConnectFields(doc: Document, env?: VisibilityEnv): ConnectFields {
  const out = {} as ConnectFields;
  for (const spec of FIELD_SPECS) out[spec.key] = findField(doc, spec, env);
  return out;
}

/** True when the document looks like the Passportal Connect form (at least one fillable field of ours). */
export function hasConnectForm(fields: ConnectFields): boolean {
  return Object.values(fields).some((f) => f.state === 'fillable');
}
