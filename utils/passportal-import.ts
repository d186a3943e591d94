/**
 * The popup's side of "Use key from Passportal" (issue 6): which Passportal tab to read, injecting the reader
 * there, checking its answer, and the words for each outcome. The choices are pure functions; `findPassportalTab`,
 * `peekPassportalTab` and `readPassportalTab` only gather their inputs from the browser.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import type { DialogPeek, DialogProblem, DialogReading } from './passportal-dialog';
import { tabsSeenFromPopup } from './popup-actions';
import { passportalTab, type TabInfo, viewFromPopup } from './targets';

/** Where WXT builds entrypoints/passportal-peek.ts and entrypoints/passportal-reader.ts. */
export const PEEK_SCRIPT_FILE = '/passportal-peek.js';
export const READ_SCRIPT_FILE = '/passportal-reader.js';

export interface PopupTab extends TabInfo {
  windowId?: number;
}

/**
 * The Passportal tab to read, chosen like the Base URL's (`passportalTab` over `viewFromPopup`): the active tab of
 * the popup's window if it is Passportal, else the most recently used Passportal tab, never the popup's own tab.
 * Only the built-in `https://<tenant>.passportalmsp.com` hosts (the reader re-checks the same), never lookalikes.
 */
export function pickPassportalTab(
  tabs: readonly PopupTab[],
  own: { tabId?: number; windowId?: number } = {},
): number | null {
  const withIds = viewFromPopup(tabs, own).filter((t): t is PopupTab & { id: number } => typeof t.id === 'number');
  return passportalTab(withIds)?.tab.id ?? null;
}

/** The reader could not be run or did not answer (tab closed, navigated, page still loading). */
export type ImportProblem = DialogProblem | 'no-answer';
export type ImportFailure = { ok: false; reason: ImportProblem; apiKeyPreview?: string };

const PROBLEMS: readonly DialogProblem[] = [
  'not-passportal',
  'no-dialog',
  'several-dialogs',
  'secret-hidden',
  'unrecognised',
  'bad-key',
  'bad-secret',
];
const HEX64 = /^[0-9a-f]{64}$/i;
const PREVIEW = /^[0-9a-f]{4}…[0-9a-f]{4}$/i;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function failureOf(x: Record<string, unknown>): ImportFailure {
  if (x.ok !== false) return { ok: false, reason: 'no-answer' };
  const reason = PROBLEMS.find((p) => p === x.reason) ?? 'no-answer';
  const preview = typeof x.apiKeyPreview === 'string' && PREVIEW.test(x.apiKeyPreview) ? x.apiKeyPreview : undefined;
  return preview ? { ok: false, reason, apiKeyPreview: preview } : { ok: false, reason };
}

/** Checks the peek script's answer; anything else is "no answer". Only the preview is kept. */
export function parsePeek(x: unknown): DialogPeek | ImportFailure {
  if (!isRecord(x)) return { ok: false, reason: 'no-answer' };
  if (x.ok === true) {
    return typeof x.apiKeyPreview === 'string' && PREVIEW.test(x.apiKeyPreview)
      ? { ok: true, apiKeyPreview: x.apiKeyPreview }
      : { ok: false, reason: 'no-answer' };
  }
  return failureOf(x);
}

/** Checks the reader's answer with the same rules the reader applied (Access Key ID 64 hex, secret without spaces). */
export function parseReading(x: unknown): DialogReading | ImportFailure {
  if (!isRecord(x)) return { ok: false, reason: 'no-answer' };
  if (x.ok === true) {
    const { apiKey, secret } = x;
    if (typeof apiKey !== 'string' || !HEX64.test(apiKey)) return { ok: false, reason: 'bad-key' };
    if (typeof secret !== 'string' || secret === '' || /\s/.test(secret)) return { ok: false, reason: 'bad-secret' };
    return { ok: true, apiKey, secret };
  }
  return failureOf(x);
}

/** What the popup says when nothing was imported. */
export function importProblemText(reason: ImportProblem): string {
  switch (reason) {
    case 'secret-hidden':
      return t('importSecretHidden');
    case 'no-dialog':
      return t('importNoDialog');
    case 'several-dialogs':
      return t('importSeveralDialogs');
    case 'not-passportal':
    case 'no-answer':
      return t('importNoAnswer');
    case 'unrecognised':
    case 'bad-key':
    case 'bad-secret':
      return t('importUnreadable');
  }
}

/** Said in the popup's status line after a successful import. */
export function importedText(): string {
  return t('imported');
}

/** The Passportal tab the popup would read, or null when none is open. */
export async function findPassportalTab(): Promise<number | null> {
  return pickPassportalTab(await tabsSeenFromPopup());
}

async function run(tabId: number, file: typeof PEEK_SCRIPT_FILE | typeof READ_SCRIPT_FILE): Promise<unknown> {
  try {
    // Top frame only: the dialog is part of Passportal's page, and a frame inside it could be anyone's.
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [file] });
    return first?.result;
  } catch {
    return undefined; // tab closed, navigated away, or no access: nothing of ours ran there
  }
}

/** Whether Passportal's dialog shows a key, without the secret. */
export async function peekPassportalTab(tabId: number): Promise<DialogPeek | ImportFailure> {
  return parsePeek(await run(tabId, PEEK_SCRIPT_FILE));
}

/** The Access Key ID and the secret, read on the user's click. The secret is never logged or stored here. */
export async function readPassportalTab(tabId: number): Promise<DialogReading | ImportFailure> {
  return parseReading(await run(tabId, READ_SCRIPT_FILE));
}
