/**
 * Validation of what the user typed in the popup. Pure: returns typed problems per field; the popup turns
 * them into words in one place (utils/messages.ts).
 */
import { type BaseUrlError, normaliseBaseUrl } from './passportal-host';

export const DEFAULT_CONTENT = 'api-content-hash';

/** The four values Nango's Passportal form asks for, keyed by our own short names. */
export type FieldKey = 'apiKey' | 'hmacToken' | 'content' | 'baseUrl';
export const FIELD_KEYS: readonly FieldKey[] = ['apiKey', 'hmacToken', 'content', 'baseUrl'];

/** What the user types. The HMAC token is computed, not typed. */
export interface Draft {
  apiKey: string;
  secret: string;
  content: string;
  baseUrl: string;
}
export type DraftKey = keyof Draft;

export type FieldProblem =
  | { code: 'empty' }
  | { code: 'api-key-length'; length: number }
  | { code: 'api-key-chars'; bad: string }
  | { code: 'base-url'; error: BaseUrlError };

export type FieldWarning = { code: 'trimmed' } | { code: 'unknown-host'; host: string };

export interface Validation {
  /** The values to use: trimmed, base URL reduced to its hostname. Only meaningful for fields without errors. */
  values: Draft;
  errors: Partial<Record<DraftKey, FieldProblem>>;
  warnings: Partial<Record<DraftKey, FieldWarning>>;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

function trimmed(raw: string, key: DraftKey, warnings: Validation['warnings']): string {
  const value = raw.trim();
  // A paste accident (trailing newline, leading space) is never used, and the user is told.
  if (value !== raw && value !== '') warnings[key] = { code: 'trimmed' };
  return value;
}

/** Validates every field of the draft; which ones are *required* is decided by the caller (see `problemsFor`). */
export function validateDraft(draft: Draft): Validation {
  const errors: Validation['errors'] = {};
  const warnings: Validation['warnings'] = {};

  const apiKey = trimmed(draft.apiKey, 'apiKey', warnings);
  if (apiKey === '') errors.apiKey = { code: 'empty' };
  else if (!HEX64.test(apiKey)) {
    const bad = [...apiKey].find((ch) => !/[0-9a-fA-F]/.test(ch));
    errors.apiKey = bad ? { code: 'api-key-chars', bad } : { code: 'api-key-length', length: apiKey.length };
  }

  const secret = trimmed(draft.secret, 'secret', warnings);
  if (secret === '') errors.secret = { code: 'empty' };

  const content = trimmed(draft.content, 'content', warnings);
  if (content === '') errors.content = { code: 'empty' };

  let baseUrl = trimmed(draft.baseUrl, 'baseUrl', warnings);
  const base = normaliseBaseUrl(baseUrl);
  if (!base.ok) errors.baseUrl = { code: 'base-url', error: base.error };
  else {
    // A pasted URL is reduced to its hostname; the popup shows the value it will use.
    baseUrl = base.host;
    if (!base.known) warnings.baseUrl = { code: 'unknown-host', host: base.host };
  }

  return { values: { apiKey, secret, content, baseUrl }, errors, warnings };
}

/** The draft fields a fill needs, given which form fields the target actually shows. */
export function requiredDraftKeys(targetFields: readonly FieldKey[]): DraftKey[] {
  const keys = new Set<DraftKey>();
  for (const field of targetFields) {
    if (field === 'hmacToken') {
      keys.add('secret');
      keys.add('content');
    } else keys.add(field);
  }
  return [...keys];
}

/** The errors that block filling a form that shows `targetFields`. */
export function blockingErrors(validation: Validation, targetFields: readonly FieldKey[]): DraftKey[] {
  return requiredDraftKeys(targetFields).filter((key) => validation.errors[key] !== undefined);
}
