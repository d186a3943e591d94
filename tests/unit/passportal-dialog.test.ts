import { beforeEach, describe, expect, it } from 'vitest';
import type { VisibilityEnv } from '@/utils/fill';
import {
  answerFromPage,
  collapse,
  type DialogReading,
  findAccessKeyDialogs,
  peekOf,
  previewKey,
  readAccessKeyDialog,
} from '@/utils/passportal-dialog';

/**
 * DOM fixtures shaped after Passportal's documentation screenshots (issue 6); our own markup, several layouts.
 * happy-dom does no layout: elements get a size from `data-w`/`data-h` (default 200×20) through a fake environment,
 * styles come from happy-dom's getComputedStyle (inline styles, `hidden`). The layout proof is the e2e suite.
 */
const env: VisibilityEnv = {
  rect: (el) => {
    const w = Number(el.getAttribute('data-w') ?? 200);
    const h = Number(el.getAttribute('data-h') ?? 20);
    return { left: 0, top: 0, width: w, height: h, right: w, bottom: h, x: 0, y: 0, toJSON() {} } as DOMRect;
  },
  style: (el) => window.getComputedStyle(el),
  elementAt: () => null,
  scrollX: 0,
  scrollY: 0,
};

const KEY = `${'3f'.repeat(16)}${'a0'.repeat(16)}`;
const SECRET = 'pp-Secret/Access+Key=unit';
const OTHER_KEY = 'b'.repeat(64);

/** The API Keys page behind the dialog: its table's first column is also "Access key ID". */
const PAGE = `
  <main>
    <h1>API Keys</h1>
    <button>Create access key</button>
    <table>
      <thead><tr><th>Access key ID</th><th>Description</th><th>Created</th></tr></thead>
      <tbody><tr><td>${OTHER_KEY}</td><td>Old integration</td><td>2024-05-01</td></tr></tbody>
    </table>
  </main>`;

const SHOWN_CELL = `<span class="secret">${SECRET}</span> <button type="button">Copy to clipboard</button>`;
const BULLETS_CELL = `<span class="mask">••••••••••••</span><span class="secret" hidden>${SECRET}</span> <a href="#">Show key</a>`;

/** Bootstrap-like modal: `.modal` wrapper, role=dialog, title by aria-labelledby, a two-column table. */
function tableDialog(secretCell = SHOWN_CELL, keyCell = `<code>${KEY}</code>`, attrs = 'style="display: block"') {
  return `
    <div class="modal fade show" role="dialog" aria-modal="true" aria-labelledby="create-title" ${attrs}>
      <div class="modal-dialog"><div class="modal-content">
        <div class="modal-header">
          <h4 class="modal-title" id="create-title">Create access key</h4>
          <button type="button" class="close" aria-label="Close">×</button>
        </div>
        <div class="modal-body">
          <p><strong>API key generated</strong></p>
          <p class="alert">This is the only time that the secret access key may be viewed.</p>
          <table class="table">
            <thead><tr><th>Access key ID</th><th>Secret access key</th></tr></thead>
            <tbody><tr><td>${keyCell}</td><td>${secretCell}</td></tr></tbody>
          </table>
        </div>
        <div class="modal-footer"><button type="button">Close</button></div>
      </div></div>
    </div>`;
}

function read(html: string): DialogReading {
  document.body.innerHTML = html;
  return readAccessKeyDialog(document, env);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readAccessKeyDialog: layouts it understands', () => {
  it.each([
    ['table with header cells and the values in the row below', PAGE + tableDialog()],
    [
      'label → readonly input, label wrapping its input, a copy button beside the value',
      `<div role="dialog" aria-modal="true">
         <h2>Create Access Key</h2>
         <div class="form-group">
           <label for="akid">Access Key ID</label>
           <input id="akid" type="text" readonly value="${KEY}"><button>Copy</button>
         </div>
         <label>Secret access key:
           <input type="text" readonly value="  ${SECRET}  "> <button>Copy to clipboard</button>
         </label>
       </div>`,
    ],
    [
      'description list with <code> and <span> values, extra whitespace, icon-only copy buttons',
      `<dialog open>
         <header><h3>
           Create    access
           key
         </h3></header>
         <dl>
           <dt>Access key ID:</dt>
           <dd>
             <code>${KEY}</code>
             <button aria-label="Copy to clipboard"><i class="icon-copy"></i></button>
           </dd>
           <dt>Secret access key</dt>
           <dd>   <span class="value">
             ${SECRET}
           </span> <button>Copy</button> <span class="tooltip">Copied!</span></dd>
         </dl>
       </dialog>`,
    ],
    [
      'div grid: a header row of labels and a row of values below',
      `<div class="modal" style="display:block"><div class="modal-title">Create access key</div>
         <div class="grid">
           <div class="row head"><div>Access key ID</div><div>Secret access key</div></div>
           <div class="row"><div><span>${KEY}</span></div><div><span>${SECRET}</span><button>Copy</button></div></div>
         </div>
       </div>`,
    ],
    [
      'row headers (<th> then <td>) and a label wrapped in a <span>',
      `<div role="dialog" aria-label="Create access key">
         <table>
           <tr><th scope="row"><span>Access key ID</span></th><td>${KEY}</td></tr>
           <tr><th scope="row">Secret access key</th><td><kbd>${SECRET}</kbd></td></tr>
         </table>
       </div>`,
    ],
    [
      'ARIA grid with columnheader and gridcell',
      `<div role="alertdialog" aria-labelledby="t"><span id="t">CREATE ACCESS KEY</span>
         <div role="grid">
           <div role="row"><div role="columnheader">Access key ID</div><div role="columnheader">Secret access key</div></div>
           <div role="row"><div role="gridcell">${KEY}</div><div role="gridcell">${SECRET}</div></div>
         </div>
       </div>`,
    ],
    [
      'text next to a label, a screen-reader-only prefix inside the value',
      `<div role="dialog"><h5>Create access key</h5>
         <p><b>Access key ID</b> <span>${KEY}</span></p>
         <p><b>Secret access key</b> <span><span class="sr-only" data-w="1" data-h="1">Secret:</span> ${SECRET}</span></p>
       </div>`,
    ],
    [
      'inputs named by aria-label only',
      `<div role="dialog"><h2>Create access key</h2>
         <input aria-label="Access key ID" readonly value="${KEY}">
         <textarea aria-label="Secret access key" readonly>${SECRET}</textarea>
       </div>`,
    ],
  ])('%s', (_name, html) => {
    expect(read(html)).toEqual({ ok: true, apiKey: KEY, secret: SECRET });
  });

  it('accepts the key in upper or lower case, as shown', () => {
    expect(read(tableDialog(SHOWN_CELL, KEY.toUpperCase()))).toEqual({
      ok: true,
      apiKey: KEY.toUpperCase(),
      secret: SECRET,
    });
    expect(read(tableDialog(SHOWN_CELL, KEY.toLowerCase()))).toMatchObject({ ok: true, apiKey: KEY.toLowerCase() });
  });

  it('drops zero-width spaces and soft hyphens a page inserts so a long key can wrap', () => {
    const wrapped = `${KEY.slice(0, 32)}\u200b${KEY.slice(32, 48)}\u00ad${KEY.slice(48)}`;
    expect(read(tableDialog(SHOWN_CELL, `<code>${wrapped}</code>`))).toMatchObject({ ok: true, apiKey: KEY });
    expect(read(tableDialog(SHOWN_CELL, `<code>${KEY.slice(0, 32)}<wbr>${KEY.slice(32)}</code>`))).toMatchObject({
      ok: true,
      apiKey: KEY,
    });
  });

  it('reads the dialog, never the API Keys table behind it', () => {
    const reading = read(PAGE + tableDialog());
    expect(reading).toMatchObject({ apiKey: KEY });
    expect(JSON.stringify(reading)).not.toContain(OTHER_KEY);
  });

  it('counts a .modal wrapper and the role=dialog inside it as one dialog', () => {
    document.body.innerHTML = `
      <div class="modal" style="display:block"><div role="dialog" aria-modal="true">
        <h4>Create access key</h4></div></div>`;
    expect(findAccessKeyDialogs(document, env)).toHaveLength(1);
  });
});

describe('readAccessKeyDialog: secret not shown yet', () => {
  it.each([
    ['bullets, the secret in the DOM but hidden, a Show key link', BULLETS_CELL],
    ['asterisks', `<span>************</span> <a href="#">Show key</a>`],
    ['heavy bullets without a link', `<span>●●●●●●●●</span>`],
    ['asterisk operators', `∗∗∗∗∗∗∗∗`],
    ['only a Show key link, no value yet', `<a href="#" class="show-key">Show key</a>`],
    [
      'the secret hidden by CSS, a clickable span without a role',
      `<span style="display:none">${SECRET}</span><span class="link">Show key</span>`,
    ],
    ['a password input (readable, but not seen by the user)', `<input type="password" readonly value="${SECRET}">`],
  ])('%s → secret-hidden, with the key preview', (_name, cell) => {
    const reading = read(PAGE + tableDialog(cell));
    expect(reading).toEqual({ ok: false, reason: 'secret-hidden', apiKeyPreview: '3f3f…a0a0' });
    expect(JSON.stringify(reading)).not.toContain(SECRET);
  });

  it('reads the secret once it is shown (the same cell after "Show key")', () => {
    expect(read(tableDialog(BULLETS_CELL))).toMatchObject({ reason: 'secret-hidden' });
    const secret = document.querySelector('.secret') as HTMLElement;
    secret.hidden = false;
    document.querySelector('.mask')?.remove();
    expect(readAccessKeyDialog(document, env)).toEqual({ ok: true, apiKey: KEY, secret: SECRET });
  });
});

describe('readAccessKeyDialog: what it refuses', () => {
  it('no dialog: the API Keys page alone, a dialog with another title, a closed <dialog>', () => {
    expect(read(PAGE)).toEqual({ ok: false, reason: 'no-dialog' });
    expect(read(tableDialog().replace('Create access key', 'Edit access key'))).toEqual({
      ok: false,
      reason: 'no-dialog',
    });
    expect(read(tableDialog().replace('Create access key', 'Create access key pair'))).toEqual({
      ok: false,
      reason: 'no-dialog',
    });
    expect(read(`<dialog><h3>Create access key</h3><p>Access key ID</p></dialog>`)).toEqual({
      ok: false,
      reason: 'no-dialog',
    });
  });

  it('a hidden dialog (display:none, hidden, invisible) is not counted', () => {
    expect(read(tableDialog(SHOWN_CELL, KEY, 'style="display:none"'))).toEqual({ ok: false, reason: 'no-dialog' });
    expect(read(tableDialog(SHOWN_CELL, KEY, 'hidden'))).toEqual({ ok: false, reason: 'no-dialog' });
    expect(read(tableDialog(SHOWN_CELL, KEY, 'style="visibility:hidden"'))).toEqual({ ok: false, reason: 'no-dialog' });
    expect(read(tableDialog(SHOWN_CELL, KEY, 'style="opacity:0"'))).toEqual({ ok: false, reason: 'no-dialog' });
    // A stale hidden copy next to the open one: the visible one is read.
    expect(read(tableDialog(SHOWN_CELL, OTHER_KEY, 'style="display:none"') + tableDialog())).toEqual({
      ok: true,
      apiKey: KEY,
      secret: SECRET,
    });
  });

  it('two visible dialogs: several-dialogs, nothing read', () => {
    expect(read(tableDialog() + tableDialog(SHOWN_CELL, OTHER_KEY))).toEqual({ ok: false, reason: 'several-dialogs' });
  });

  it.each([
    ['63 characters', KEY.slice(0, 63)],
    ['65 characters', `${KEY}0`],
    ['not hexadecimal', `${KEY.slice(0, 63)}g`],
    ['shortened by the page', '3f3f3f3f…a0a0a0a0'],
    ['a space inside', `${KEY.slice(0, 32)} ${KEY.slice(32)}`],
  ])('bad Access key ID (%s) → bad-key', (_name, key) => {
    expect(read(tableDialog(SHOWN_CELL, key))).toEqual({ ok: false, reason: 'bad-key' });
  });

  it('a secret with whitespace inside → bad-secret', () => {
    expect(read(tableDialog('<span>two words</span>'))).toEqual({
      ok: false,
      reason: 'bad-secret',
      apiKeyPreview: '3f3f…a0a0',
    });
  });

  it.each([
    [
      'values without any labels',
      `<div role="dialog"><h2>Create access key</h2><pre>${KEY}</pre><pre>${SECRET}</pre></div>`,
    ],
    [
      'labels in words we do not know',
      `<div role="dialog"><h2>Create access key</h2><dl><dt>Key</dt><dd>${KEY}</dd><dt>Token</dt><dd>${SECRET}</dd></dl></div>`,
    ],
  ])('unknown markup (%s) → unrecognised', (_name, html) => {
    expect(read(html)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('an empty secret cell with no Show key control → unrecognised (we do not guess)', () => {
    expect(read(tableDialog('<span></span>'))).toEqual({
      ok: false,
      reason: 'unrecognised',
      apiKeyPreview: '3f3f…a0a0',
    });
  });

  it('two different values for the same label → unrecognised, never a guess', () => {
    const html = `<div role="dialog"><h2>Create access key</h2>
      <dl><dt>Access key ID</dt><dd>${KEY}</dd><dt>Access key ID</dt><dd>${OTHER_KEY}</dd>
      <dt>Secret access key</dt><dd>${SECRET}</dd></dl></div>`;
    expect(read(html)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('never throws, even on a document without a window', () => {
    const bare = document.implementation.createHTMLDocument('x');
    expect(readAccessKeyDialog(bare)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  it('leaves the page exactly as it was', () => {
    document.body.innerHTML = PAGE + tableDialog(BULLETS_CELL);
    const before = document.body.innerHTML;
    let clicks = 0;
    document.addEventListener('click', () => clicks++, true);
    readAccessKeyDialog(document, env);
    expect(document.body.innerHTML).toBe(before);
    expect(clicks).toBe(0);
  });
});

describe('answerFromPage', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE + tableDialog();
  });

  it('answers on https Passportal tenant hosts; peek carries the key preview, never the secret', () => {
    const url = 'https://acme.passportalmsp.com/settings/api-keys';
    expect(answerFromPage('read', url, document, env)).toEqual({ ok: true, apiKey: KEY, secret: SECRET });
    const peek = answerFromPage('peek', url, document, env);
    expect(peek).toEqual({ ok: true, apiKeyPreview: '3f3f…a0a0' });
    expect(JSON.stringify(peek)).not.toContain(SECRET);
    expect(JSON.stringify(peek)).not.toContain(KEY);
  });

  it.each([
    'https://acme.passportalmsp.com.evil.test/settings/api-keys',
    'https://passportalmsp.com.evil.test/',
    'https://evil.test/acme.passportalmsp.com/',
    'http://acme.passportalmsp.com/settings/api-keys',
    'https://acme.passportalmsp.com:8443/',
    'https://user@acme.passportalmsp.com/',
    'https://www.passportalmsp.com/',
    'https://acme-passportalmsp.com/',
    'chrome-extension://abc/popup.html',
    'about:blank',
  ])('refuses %s without reading anything', (url) => {
    expect(answerFromPage('read', url, document, env)).toEqual({ ok: false, reason: 'not-passportal' });
    expect(answerFromPage('peek', url, document, env)).toEqual({ ok: false, reason: 'not-passportal' });
  });
});

describe('helpers', () => {
  it('collapse, previewKey, peekOf', () => {
    expect(collapse('  a \n\t b\u200b c  ')).toBe('a b c');
    expect(previewKey(KEY)).toBe('3f3f…a0a0');
    expect(peekOf({ ok: true, apiKey: KEY, secret: SECRET })).toEqual({ ok: true, apiKeyPreview: '3f3f…a0a0' });
    expect(peekOf({ ok: false, reason: 'no-dialog' })).toEqual({ ok: false, reason: 'no-dialog' });
  });
});
