/**
 * Every user-facing sentence built from a typed result lives here, so the popup says things one way. The words
 * themselves are in the locale files (public/_locales), reached through `t()`.
 */

import type { TestResult } from './credential-test';
import type { DraftKey, FieldKey, FieldProblem, FieldWarning } from './credentials';
import type { FillProblem } from './fill';
import { type MessageKey, t } from './i18n';
import type { Embedder, FieldReport, FillOutcome } from './messaging';
import type { OriginInputError } from './origins';
import type { BaseUrlError } from './passportal-host';
import type { BaseUrlSource } from './targets';

/** Nango's labels, which users see in the Connect form. */
export const FORM_LABELS: Record<FieldKey, string> = {
  apiKey: t('labelApiKey'),
  hmacToken: t('labelHmacToken'),
  content: t('labelContent'),
  baseUrl: t('labelFormBaseUrl'),
};

/** The popup's own labels. */
export const DRAFT_LABELS: Record<DraftKey, string> = {
  apiKey: t('labelApiKey'),
  secret: t('labelSecret'),
  content: t('labelContent'),
  baseUrl: t('labelBaseUrl'),
};

const BASE_URL_ERRORS: Record<BaseUrlError, MessageKey> = {
  empty: 'baseUrlEmpty',
  spaces: 'baseUrlSpaces',
  scheme: 'baseUrlScheme',
  userinfo: 'baseUrlUserinfo',
  port: 'baseUrlPort',
  'ip-address': 'baseUrlIpAddress',
  'single-label': 'baseUrlSingleLabel',
  'invalid-host': 'baseUrlInvalidHost',
};

export function problemText(key: DraftKey, problem: FieldProblem): string {
  switch (problem.code) {
    case 'empty':
      if (key === 'apiKey') return t('apiKeyEmpty');
      if (key === 'secret') return t('secretEmpty');
      if (key === 'content') return t('contentEmpty');
      return t(BASE_URL_ERRORS.empty);
    case 'api-key-length':
      return t('apiKeyLength', problem.length);
    case 'api-key-chars':
      return t('apiKeyChars', problem.bad);
    case 'base-url':
      return t(BASE_URL_ERRORS[problem.error]);
  }
}

export function warningText(warning: FieldWarning): string {
  switch (warning.code) {
    case 'trimmed':
      return t('warnTrimmed');
    case 'unknown-host':
      return t('warnUnknownHost', warning.host);
  }
}

const SOURCE_KEYS: Record<BaseUrlSource | 'typed' | 'detecting', MessageKey> = {
  'active-tab': 'sourceActiveTab',
  'other-tab': 'sourceOtherTab',
  remembered: 'sourceRemembered',
  none: 'sourceNone',
  typed: 'sourceTyped',
  detecting: 'sourceDetecting',
};

/** Where the Base URL came from, and the host that will be used when it differs from what is shown. */
export function baseUrlSourceText(source: BaseUrlSource | 'typed' | 'detecting', willUse?: string): string {
  const from = t(SOURCE_KEYS[source]);
  return willUse && source !== 'detecting' ? `${from} ${t('baseUrlWillUse', willUse)}` : from;
}

const FILL_PROBLEMS: Record<FillProblem | 'missing' | 'ambiguous' | 'rejected', MessageKey> = {
  hidden: 'problemHidden',
  'zero-size': 'problemZeroSize',
  'off-page': 'problemOffPage',
  covered: 'problemCovered',
  disabled: 'problemDisabled',
  'read-only': 'problemReadOnly',
  detached: 'problemDetached',
  missing: 'problemMissing',
  ambiguous: 'problemAmbiguous',
  rejected: 'problemRejected',
};

export function fillProblemText(problem: keyof typeof FILL_PROBLEMS): string {
  return t(FILL_PROBLEMS[problem]);
}

export function siteText(embedder: Embedder, origin: string): string {
  switch (embedder.kind) {
    case 'top-level':
      return t('siteTopLevel', hostOf(origin));
    case 'embedded':
      return t('siteEmbedded', hostOf(embedder.origin));
    case 'unknown':
      return t('siteUnknown');
  }
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** Fields a probe says the form shows and we will fill. */
export function shownFields(fields: Record<FieldKey, FieldReport>): FieldKey[] {
  return (Object.keys(fields) as FieldKey[]).filter((k) => fields[k].state === 'fillable');
}

/** Why a Connect form that is there cannot be filled at all (every field hidden, disabled or ambiguous). */
export function unfillableFormText(fields: Record<FieldKey, FieldReport>, site: string): string {
  // Grouped by reason: "API Access Key ID, HMAC Token: the field is hidden; Content String: …".
  const byReason = new Map<string, string[]>();
  for (const k of Object.keys(fields) as FieldKey[]) {
    const f = fields[k];
    const reason =
      f.state === 'unavailable'
        ? fillProblemText(f.problem)
        : f.state === 'ambiguous'
          ? fillProblemText('ambiguous')
          : '';
    if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), FORM_LABELS[k]]);
  }
  const reasons = [...byReason].map(([reason, labels]) => t('fieldReason', labels.join(t('listSeparator')), reason));
  return t('unfillableForm', site, reasons.join(t('reasonSeparator')));
}

/** "Filled 4/4 fields" or exactly which field was not filled and why. */
export function fillSummary(results: Record<FieldKey, FillOutcome>): { ok: boolean; text: string } {
  const keys = Object.keys(results) as FieldKey[];
  const attempted = keys.filter((k) => results[k].state !== 'skipped');
  const filled = attempted.filter((k) => results[k].state === 'filled');
  const failures = attempted.flatMap((k) => {
    const r = results[k];
    return r.state === 'failed' ? [t('fieldReason', FORM_LABELS[k], fillProblemText(r.problem))] : [];
  });
  const skipped = keys.filter((k) => results[k].state === 'skipped').map((k) => FORM_LABELS[k]);
  const held = keys.some((k) => results[k].state === 'held');
  const parts = [t('filledCount', filled.length, attempted.length)];
  if (failures.length) parts.push(t('notFilledBecause', failures.join(t('reasonSeparator'))));
  // All or nothing (utils/connect-frame.ts): one refused field means the form is left exactly as it was.
  if (held) parts.push(t('heldBack'));
  if (skipped.length) parts.push(t('leftAlone', skipped.join(t('listSeparator'))));
  return { ok: attempted.length > 0 && failures.length === 0, text: parts.join(' ') };
}

/** What the user reads after "Test credentials". */
export function testResultText(result: TestResult, host: string): { ok: boolean; text: string } {
  if (result.ok) return { ok: true, text: t('testAccepted') };
  switch (result.kind) {
    case 'rejected':
      return {
        ok: false,
        text: result.message
          ? t('testRejectedMessage', result.status, result.message)
          : t('testRejected', result.status),
      };
    case 'timeout':
      return { ok: false, text: t('testTimeout', host) };
    case 'network':
      return { ok: false, text: t('testNetwork', host) };
    case 'unexpected':
      return { ok: false, text: t('testUnexpected', host, result.status) };
  }
}

/** The question before the first fill into a site (or every fill when the site is unknown). */
export function confirmText(site: string | null): string {
  return site === null ? t('confirmUnknownSite') : t('confirmNewSite', hostOf(site));
}

const ORIGIN_ERRORS: Record<OriginInputError, MessageKey> = {
  empty: 'originEmpty',
  'not-https': 'originNotHttps',
  'has-path': 'originHasPath',
  userinfo: 'originUserinfo',
  'invalid-host': 'originInvalidHost',
  'built-in': 'originBuiltIn',
};

export function originErrorText(error: OriginInputError): string {
  return t(ORIGIN_ERRORS[error]);
}

export function copiedText(clearAfterSeconds: number): string {
  if (clearAfterSeconds <= 0) return t('copied');
  return clearAfterSeconds % 60 === 0
    ? t('copiedClearMinutes', clearAfterSeconds / 60)
    : t('copiedClearSeconds', clearAfterSeconds);
}
