/**
 * Every user-facing sentence built from a typed result lives here, so the popup says things one way.
 */

import type { TestResult } from './credential-test';
import type { DraftKey, FieldKey, FieldProblem, FieldWarning } from './credentials';
import type { FillProblem } from './fill';
import type { Embedder, FieldReport, FillOutcome } from './messaging';
import type { OriginInputError } from './origins';
import type { BaseUrlError } from './passportal-host';
import type { BaseUrlSource } from './targets';

/** Nango's labels, which users see in the Connect form. */
export const FORM_LABELS: Record<FieldKey, string> = {
  apiKey: 'API Access Key ID',
  hmacToken: 'HMAC Token',
  content: 'Content String',
  baseUrl: 'Passportal Base URL',
};

/** The popup's own labels. */
export const DRAFT_LABELS: Record<DraftKey, string> = {
  apiKey: 'API Access Key ID',
  secret: 'Secret Access Key',
  content: 'Content String',
  baseUrl: 'Base URL',
};

const BASE_URL_ERRORS: Record<BaseUrlError, string> = {
  empty: 'Enter your Passportal host, e.g. mycompany.passportalmsp.com.',
  spaces: 'A host name cannot contain spaces.',
  scheme: 'Passportal is served over https: paste the https:// address or just the host name.',
  userinfo: 'Remove the user name part (before “@”): only the host name is needed.',
  port: 'Remove the port (“:…”): Nango connects to Passportal on the standard https port.',
  'ip-address': 'Use the host name (like mycompany.passportalmsp.com), not an IP address.',
  'single-label': 'That is not a full host name: it needs a domain, like mycompany.passportalmsp.com.',
  'invalid-host': 'That is not a valid host name. Use letters, digits, hyphens and dots only.',
};

export function problemText(key: DraftKey, problem: FieldProblem): string {
  switch (problem.code) {
    case 'empty':
      if (key === 'apiKey') return 'Enter the Access key ID from Passportal (Settings › API Keys).';
      if (key === 'secret') return 'Enter the Secret access key that Passportal showed when the key was created.';
      if (key === 'content') return 'Enter the Content String (Passportal’s default is api-content-hash).';
      return BASE_URL_ERRORS.empty;
    case 'api-key-length':
      return `The Access key ID is 64 hexadecimal characters; this one has ${problem.length}.`;
    case 'api-key-chars':
      return `The Access key ID uses only 0–9 and a–f; “${problem.bad}” is not allowed.`;
    case 'base-url':
      return BASE_URL_ERRORS[problem.error];
  }
}

export function warningText(warning: FieldWarning): string {
  switch (warning.code) {
    case 'trimmed':
      return 'Spaces or line breaks around the value were ignored.';
    case 'unknown-host':
      return `${warning.host} is not a known Passportal host (…passportalmsp.com). Fine if it is your custom domain.`;
  }
}

export const BASE_URL_SOURCE_TEXT: Record<BaseUrlSource | 'typed', string> = {
  'active-tab': 'From the open Passportal tab.',
  'other-tab': 'From your open Passportal tab.',
  remembered: 'Remembered from your last Passportal visit.',
  none: 'Not detected: open your Passportal dashboard in a tab, or type it.',
  typed: 'Typed by you.',
};

const FILL_PROBLEMS: Record<FillProblem | 'missing' | 'ambiguous' | 'rejected', string> = {
  hidden: 'the field is hidden',
  'zero-size': 'the field has no visible size',
  'off-page': 'the field is placed off the page',
  covered: 'another element covers the field',
  disabled: 'the field is disabled',
  'read-only': 'the field is read-only',
  detached: 'the field disappeared',
  missing: 'the form has no such field',
  ambiguous: 'the form shows more than one such field',
  rejected: 'the form did not accept the value',
};

export function fillProblemText(problem: keyof typeof FILL_PROBLEMS): string {
  return FILL_PROBLEMS[problem];
}

export function siteText(embedder: Embedder, origin: string): string {
  switch (embedder.kind) {
    case 'top-level':
      return `${new URL(origin).host} (Nango’s Connect UI opened directly)`;
    case 'embedded':
      return `${hostOf(embedder.origin)} (embeds Nango’s Connect UI)`;
    case 'unknown':
      return 'an unknown site (the browser does not say which site embeds the Connect UI)';
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
  const reasons = [...byReason].map(([reason, labels]) => `${labels.join(', ')}: ${reason}`);
  return `Not filled: the Connect form on ${site} shows no field that can be filled safely — ${reasons.join('; ')}.`;
}

/** "Filled 4/4 fields" or exactly which field was not filled and why. */
export function fillSummary(results: Record<FieldKey, FillOutcome>): { ok: boolean; text: string } {
  const keys = Object.keys(results) as FieldKey[];
  const attempted = keys.filter((k) => results[k].state !== 'skipped');
  const filled = attempted.filter((k) => results[k].state === 'filled');
  const failures = attempted.flatMap((k) => {
    const r = results[k];
    return r.state === 'failed' ? [`${FORM_LABELS[k]}: ${fillProblemText(r.problem)}`] : [];
  });
  const skipped = keys.filter((k) => results[k].state === 'skipped').map((k) => FORM_LABELS[k]);
  const held = keys.some((k) => results[k].state === 'held');
  let text = `Filled ${filled.length}/${attempted.length} fields.`;
  if (failures.length) text += ` Not filled — ${failures.join('; ')}.`;
  // All or nothing (utils/connect-frame.ts): one refused field means the form is left exactly as it was.
  if (held) text += ' To be safe, nothing else was filled either: the form is unchanged.';
  if (skipped.length) text += ` Left alone (not shown by this form): ${skipped.join(', ')}.`;
  return { ok: attempted.length > 0 && failures.length === 0, text };
}

/** What the user reads after "Test credentials". */
export function testResultText(result: TestResult, host: string): { ok: boolean; text: string } {
  if (result.ok) return { ok: true, text: 'Passportal accepted these credentials.' };
  switch (result.kind) {
    case 'rejected':
      return {
        ok: false,
        text: `Passportal refused these credentials (${result.status}${result.message ? `: ${result.message}` : ''}). Check the Access Key ID, the Secret Access Key and the Content String.`,
      };
    case 'timeout':
      return { ok: false, text: `${host} did not answer within 10 seconds. Check the Base URL and your connection.` };
    case 'network':
      return {
        ok: false,
        text: `Could not reach ${host}. Check the Base URL and your connection (only …passportalmsp.com hosts can be tested).`,
      };
    case 'unexpected':
      return { ok: false, text: `${host} answered with an unexpected error (${result.status}). Try again later.` };
  }
}

/** The question before the first fill into a site (or every fill when the site is unknown). */
export function confirmText(site: string | null): string {
  if (site === null) {
    return 'The browser does not say which site shows this Connect form. Fill it only if you opened it yourself, from your own app. Fill this once?';
  }
  return `First fill on ${hostOf(site)}. Continue only if this is your own app (or Nango’s) — a site that embeds the Connect form receives what you connect. We will remember your choice.`;
}

const ORIGIN_ERRORS: Record<OriginInputError, string> = {
  empty: 'Enter an address such as https://connect.example.com.',
  'not-https': 'Only https:// addresses are supported.',
  'has-path': 'Enter the origin only (https://host), without a path.',
  userinfo: 'Remove the user name part (before “@”).',
  'invalid-host': 'That is not a valid host name.',
  'built-in': 'That one is built in already.',
};

export function originErrorText(error: OriginInputError): string {
  return ORIGIN_ERRORS[error];
}

export function copiedText(clearAfterSeconds: number): string {
  if (clearAfterSeconds <= 0) return 'Copied the HMAC Token to the clipboard.';
  const when = clearAfterSeconds % 60 === 0 ? `${clearAfterSeconds / 60} min` : `${clearAfterSeconds} s`;
  return `Copied the HMAC Token. The clipboard will be cleared in ${when}.`;
}
