/**
 * Reading the new access key from Passportal's "Create access key" dialog (issue 6). DOM only, no extension API:
 * it runs inside the Passportal page (entrypoints/passportal-reader.ts, injected only when the popup asks) and in
 * unit tests on happy-dom. It never clicks, focuses or changes anything; it only reads what the user can see.
 *
 * We do not have Passportal's real markup, only its documentation screenshots: a modal titled "Create access key"
 * with a two-column table (header cells "Access key ID" / "Secret access key", values in the row below) and a
 * "Show key" link that reveals the secret. So the reader finds the dialog by its title and the values by their
 * header or label text, and says plainly when it does not understand the page. Never throws.
 *
 * "Seen" is the rule for the secret: bullets, a password input (its value is readable, but the user has not seen
 * it: Passportal wants the key revealed and read by a person before it is used), text hidden by CSS until "Show key"
 * is clicked, or an empty cell next to a "Show key" link all count as "secret hidden".
 */
import { hiddenByStyle, type VisibilityEnv, windowEnv } from './fill';
import { isPassportalUrl } from './passportal-host';

export type DialogProblem =
  | 'not-passportal' // the page is not an https Passportal tenant host (lookalikes never)
  | 'no-dialog' // no visible dialog titled "Create access key"
  | 'several-dialogs' // more than one: we will not guess which one the user means
  | 'secret-hidden' // the dialog is there, the secret is not shown yet ("Show key")
  | 'unrecognised' // the dialog is there, its values are not where we look (or contradict each other)
  | 'bad-key' // the Access key ID is not 64 hexadecimal characters
  | 'bad-secret'; // the secret is empty or contains whitespace

export type DialogFailure = {
  ok: false;
  reason: DialogProblem;
  /** The shortened Access key ID, when it was read and valid (e.g. while the secret is still hidden). */
  apiKeyPreview?: string;
};

export type DialogReading = { ok: true; apiKey: string; secret: string } | DialogFailure;

/** What the popup may learn before the user clicks: whether a key is there, never the secret. */
export type DialogPeek = { ok: true; apiKeyPreview: string } | DialogFailure;

export const DIALOG_TITLE = 'create access key';
/** Label texts (normalised) that name each value, in Passportal's words first. */
export const API_KEY_LABELS = ['access key id', 'api access key id'];
export const SECRET_LABELS = ['secret access key', 'secret key', 'api secret', 'secret'];

const HEX64 = /^[0-9a-f]{64}$/i;
/** Characters used to mask a secret. '*' only counts when the whole value is made of it. */
const MASK_CHARS = /[\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u2981\u2217\u204e\u2731\u00b7]/;
const ALL_STARS = /^\*+$/;
const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SHOW_CONTROL = /^(show|reveal|view|display)( the)?( secret)?( access)?( key)?$/;
/** Words of controls and tooltips beside a value, never part of it: "Copy to clipboard", "Copied!", "Show key". */
const CONTROL_TEXT =
  /^(copy( to clipboard)?|copied!?|(show|hide|reveal|view|display)( the)?( secret)?( access)?( key)?)$/;

const DIALOG_SELECTOR = '[role="dialog"],[role="alertdialog"],[aria-modal="true"],dialog,.modal';
const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6,[role="heading"],.modal-title,legend';
/** Controls whose text is never a value: "Copy to clipboard", "Show key", "Close". */
const NOT_VALUE_SELECTOR = 'button,a,[role="button"],[role="link"],script,style,template,noscript';
const CONTROL_SELECTOR = 'input,textarea,output';
const CODE_SELECTOR = 'code,kbd,samp,pre';
const CELL_SELECTOR = 'td,th,[role="cell"],[role="gridcell"],[role="columnheader"],[role="rowheader"]';
const TABLE_SELECTOR = 'table,[role="table"],[role="grid"],[role="treegrid"]';

/** Whitespace collapsed, invisible characters (zero-width spaces, soft hyphens) removed. */
export function collapse(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Label text compared case-insensitively, without a trailing colon or required-mark. */
function labelKey(text: string): string {
  return collapse(text)
    .toLowerCase()
    .replace(/[\s:*]+$/, '');
}

/** `3f3f…a0a0`: enough to recognise a key, too little to use it. */
export function previewKey(apiKey: string): string {
  return `${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`;
}

/** Rendered and of real size. (A 1 px box is a screen-reader-only text, not something the user sees.) */
function isShown(el: Element, env: VisibilityEnv): boolean {
  if (hiddenByStyle(el, env)) return false;
  const rect = env.rect(el);
  return rect.width > 1 || rect.height > 1;
}

/** The text a user sees in `el`, minus buttons and links ("Copy to clipboard", "Show key") and hidden parts. */
function visibleText(el: Element, env: VisibilityEnv): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.matches(NOT_VALUE_SELECTOR) || element.matches(CONTROL_SELECTOR)) continue;
        if (!isShown(element, env)) continue;
        if (CONTROL_TEXT.test(labelKey(element.textContent ?? ''))) continue; // a "Copied!" tooltip, a clickable span
        // Blocks and line breaks separate words; inline elements (<span>, <wbr>) do not.
        const display = env.style(element).display;
        const separate =
          element.localName === 'br' || !(display === '' || display.startsWith('inline') || display === 'contents');
        if (separate) parts.push(' ');
        walk(element);
        if (separate) parts.push(' ');
      }
    }
  };
  walk(el);
  return collapse(parts.join(''));
}

/** The text of a heading or label, without the buttons inside it (a close "×", a "Show key" link). */
function labelText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const inner of clone.querySelectorAll(NOT_VALUE_SELECTOR)) inner.remove();
  return labelKey(clone.textContent ?? '');
}

function titleOf(dialog: Element, doc: Document): string[] {
  const titles: string[] = [];
  for (const id of (dialog.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const el = doc.getElementById(id);
    if (el) titles.push(labelText(el));
  }
  const label = dialog.getAttribute('aria-label');
  if (label) titles.push(labelKey(label));
  for (const heading of dialog.querySelectorAll(HEADING_SELECTOR)) titles.push(labelText(heading));
  return titles;
}

/** The visible dialogs titled "Create access key"; a wrapper around the same dialog (`.modal` > role=dialog) counts once. */
export function findAccessKeyDialogs(doc: Document, env: VisibilityEnv): Element[] {
  const titled = [...doc.querySelectorAll(DIALOG_SELECTOR)].filter(
    (d) => titleOf(d, doc).includes(DIALOG_TITLE) && isShown(d, env),
  );
  return titled.filter((d) => !titled.some((other) => other !== d && d.contains(other)));
}

type Found =
  | { kind: 'value'; text: string }
  | { kind: 'masked' } // bullets, a password input: there, but not shown
  | { kind: 'empty' };

function fromControl(el: Element): Found {
  if (el instanceof HTMLInputElement && el.type === 'password') return { kind: 'masked' };
  const value = collapse((el as HTMLInputElement | HTMLTextAreaElement | HTMLOutputElement).value ?? '');
  return classify(value);
}

function classify(text: string): Found {
  if (text === '') return { kind: 'empty' };
  if (MASK_CHARS.test(text) || ALL_STARS.test(text)) return { kind: 'masked' };
  return { kind: 'value', text };
}

const VALUE_CONTROL = (el: Element) =>
  el.matches(CONTROL_SELECTOR) &&
  !(el instanceof HTMLInputElement && ['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type));

/** The value shown in a cell, a `<dd>`, the element after a label, or an input: a control, else `<code>`, else text. */
function valueIn(container: Element, env: VisibilityEnv): Found {
  if (!isShown(container, env)) return { kind: 'empty' };
  if (VALUE_CONTROL(container)) return fromControl(container);
  const controls = [...container.querySelectorAll(CONTROL_SELECTOR)].filter((c) => VALUE_CONTROL(c) && isShown(c, env));
  const control = controls[0];
  if (control) return fromControl(control);
  const codes = [...container.querySelectorAll(CODE_SELECTOR)]
    .filter((c) => !c.closest(NOT_VALUE_SELECTOR) && isShown(c, env))
    .map((c) => visibleText(c, env))
    .filter(Boolean);
  if (codes.length === 1) return classify(codes[0] as string);
  return classify(visibleText(container, env));
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((c) => c.matches(CELL_SELECTOR));
}

function columnOf(cell: Element): number {
  let column = 0;
  for (const c of cellsOf(cell.parentElement as Element)) {
    if (c === cell) return column;
    column += c instanceof HTMLTableCellElement ? c.colSpan || 1 : 1;
  }
  return -1;
}

function cellAt(row: Element, column: number): Element | undefined {
  let start = 0;
  for (const c of cellsOf(row)) {
    const span = c instanceof HTMLTableCellElement ? c.colSpan || 1 : 1;
    if (column >= start && column < start + span) return c;
    start += span;
  }
  return undefined;
}

/** Header cell → the cell below it in the next visible row; a row header (`<th>` then `<td>`) → the cell beside it. */
function valueForHeaderCell(cell: Element, env: VisibilityEnv): Element | undefined {
  const next = cell.nextElementSibling;
  if (next?.matches('td,[role="cell"],[role="gridcell"]')) return next;
  const row = cell.parentElement;
  const table = row?.closest(TABLE_SELECTOR);
  if (!row || !table) return undefined;
  const rows = [...table.querySelectorAll('tr,[role="row"]')].filter((r) => r.closest(TABLE_SELECTOR) === table);
  const below = rows.slice(rows.indexOf(row) + 1).find((r) => isShown(r, env));
  return below ? cellAt(below, columnOf(cell)) : undefined;
}

function valueForLabel(label: HTMLLabelElement, dialog: Element): Element | undefined {
  const id = label.getAttribute('for');
  const target = id ? label.ownerDocument.getElementById(id) : null;
  const byFor = target && dialog.contains(target) ? target : null;
  return byFor ?? label.querySelector(CONTROL_SELECTOR) ?? label.nextElementSibling ?? undefined;
}

/**
 * Where the value of a label sits, by layout. A generic header row (`<div>` cells side by side, the other field's
 * label next to this one) takes the element at the same position in the next row.
 */
function containerFor(label: Element, dialog: Element, env: VisibilityEnv, allLabels: string[]): Element | undefined {
  if (label.matches('th,td,[role="columnheader"],[role="rowheader"]')) return valueForHeaderCell(label, env);
  if (label instanceof HTMLLabelElement) return valueForLabel(label, dialog);
  if (label.localName === 'dt') {
    let next = label.nextElementSibling;
    while (next && next.localName === 'dt') next = next.nextElementSibling;
    return next?.localName === 'dd' ? next : undefined;
  }
  const parent = label.parentElement;
  const siblings = parent ? [...parent.children] : [];
  const isHeaderRow = siblings.some((s) => s !== label && allLabels.includes(labelText(s)));
  if (parent && isHeaderRow) {
    const below = parent.nextElementSibling;
    return below ? below.children[siblings.indexOf(label)] : undefined;
  }
  return label.nextElementSibling ?? undefined;
}

/** Label and control texts are short; longer elements (the table, a paragraph) are not looked at closely. */
const MAX_LABEL_CHARS = 80;

function isShort(el: Element): boolean {
  return (el.textContent ?? '').length <= MAX_LABEL_CHARS;
}

/** The label-like elements naming a field: innermost element with exactly that text, lifted to its cell/label/dt. */
function labelsFor(dialog: Element, names: readonly string[]): Element[] {
  const out = new Set<Element>();
  for (const el of dialog.querySelectorAll('*')) {
    if (el.matches(`${NOT_VALUE_SELECTOR},${CONTROL_SELECTOR}`) || !isShort(el) || !names.includes(labelText(el))) {
      continue;
    }
    if ([...el.children].some((c) => names.includes(labelText(c)))) continue; // an inner element says it exactly
    let label: Element = el;
    const wrapper = el.parentElement?.closest(`${CELL_SELECTOR},label,dt`);
    if (wrapper && dialog.contains(wrapper) && names.includes(labelText(wrapper))) label = wrapper;
    out.add(label);
  }
  return [...out];
}

/** Inputs named by `aria-label` (no visible label element to find). */
function ariaLabelled(dialog: Element, names: readonly string[]): Element[] {
  return [...dialog.querySelectorAll(CONTROL_SELECTOR)].filter((c) =>
    names.includes(labelKey(c.getAttribute('aria-label') ?? '')),
  );
}

type FieldResult = { kind: 'none' } | { kind: 'ambiguous' } | Found;

function readField(dialog: Element, names: readonly string[], env: VisibilityEnv, allLabels: string[]): FieldResult {
  const containers = [
    ...labelsFor(dialog, names).map((l) => containerFor(l, dialog, env, allLabels)),
    ...ariaLabelled(dialog, names),
  ].filter((c): c is Element => c !== undefined);
  if (containers.length === 0) return { kind: 'none' };
  const found = containers.map((c) => valueIn(c, env));
  const values = new Set(found.flatMap((f) => (f.kind === 'value' ? [f.text] : [])));
  if (values.size > 1) return { kind: 'ambiguous' };
  const [value] = values;
  if (value !== undefined) return { kind: 'value', text: value };
  return found.some((f) => f.kind === 'masked') ? { kind: 'masked' } : { kind: 'empty' };
}

/** A visible "Show key" control (a link, a button, or a clickable span without a role). */
function hasShowControl(dialog: Element, env: VisibilityEnv): boolean {
  return [...dialog.querySelectorAll('*')].some(
    (c) =>
      isShort(c) &&
      SHOW_CONTROL.test(labelKey(c.textContent ?? '') || labelKey(c.getAttribute('aria-label') ?? '')) &&
      isShown(c, env),
  );
}

/** Reads the Access key ID and the Secret access key from the one visible "Create access key" dialog. */
export function readAccessKeyDialog(doc: Document, visibility?: VisibilityEnv): DialogReading {
  try {
    const env = visibility ?? defaultEnv(doc);
    const dialogs = findAccessKeyDialogs(doc, env);
    if (dialogs.length === 0) return { ok: false, reason: 'no-dialog' };
    if (dialogs.length > 1) return { ok: false, reason: 'several-dialogs' };
    const dialog = dialogs[0] as Element;
    const all = [...API_KEY_LABELS, ...SECRET_LABELS];

    const key = readField(dialog, API_KEY_LABELS, env, all);
    if (key.kind !== 'value') return { ok: false, reason: key.kind === 'masked' ? 'secret-hidden' : 'unrecognised' };
    if (!HEX64.test(key.text)) return { ok: false, reason: 'bad-key' };
    const apiKeyPreview = previewKey(key.text);

    const secret = readField(dialog, SECRET_LABELS, env, all);
    if (secret.kind === 'masked') return { ok: false, reason: 'secret-hidden', apiKeyPreview };
    if (secret.kind === 'none' || secret.kind === 'empty') {
      return { ok: false, reason: hasShowControl(dialog, env) ? 'secret-hidden' : 'unrecognised', apiKeyPreview };
    }
    if (secret.kind === 'ambiguous') return { ok: false, reason: 'unrecognised', apiKeyPreview };
    if (/\s/.test(secret.text)) return { ok: false, reason: 'bad-secret', apiKeyPreview };
    return { ok: true, apiKey: key.text, secret: secret.text };
  } catch {
    // An exotic page (a DOM API missing, a selector refused): say we did not understand it, never crash.
    return { ok: false, reason: 'unrecognised' };
  }
}

/** The same reading with the secret left out. */
export function peekOf(reading: DialogReading): DialogPeek {
  return reading.ok ? { ok: true, apiKeyPreview: previewKey(reading.apiKey) } : reading;
}

function defaultEnv(doc: Document): VisibilityEnv {
  const win = doc.defaultView;
  if (!win) throw new Error('document without a window');
  return windowEnv(win);
}

/**
 * What the injected reader answers: nothing at all unless the page is an https Passportal tenant host, checked
 * here again because the tab may have navigated since the popup chose it.
 */
export function answerFromPage(mode: 'peek', href: string, doc: Document, env?: VisibilityEnv): DialogPeek;
export function answerFromPage(mode: 'read', href: string, doc: Document, env?: VisibilityEnv): DialogReading;
export function answerFromPage(
  mode: 'peek' | 'read',
  href: string,
  doc: Document,
  env?: VisibilityEnv,
): DialogPeek | DialogReading {
  if (!isPassportalUrl(href)) return { ok: false, reason: 'not-passportal' };
  const reading = readAccessKeyDialog(doc, env);
  return mode === 'peek' ? peekOf(reading) : reading;
}
