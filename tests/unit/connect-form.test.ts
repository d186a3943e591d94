import { beforeEach, describe, expect, it } from 'vitest';
import { findConnectFields, labelsOf, normaliseLabel } from '@/utils/connect-form';
import { embedderOf, fillFrame, probeFrame } from '@/utils/connect-frame';
import { coveredProblem, fillProblem, setInputValue, type VisibilityEnv } from '@/utils/fill';

/**
 * happy-dom does no layout, so these tests give elements a size through `data-w`/`data-h` attributes read by a
 * fake environment; the real layout proof is the e2e suite.
 */
function fakeEnv(cover?: (el: Element) => Element | null): VisibilityEnv {
  return {
    rect: (el) => {
      const w = Number(el.getAttribute('data-w') ?? 200);
      const h = Number(el.getAttribute('data-h') ?? 30);
      const x = Number(el.getAttribute('data-x') ?? 10);
      return { left: x, top: 10, width: w, height: h, right: x + w, bottom: 10 + h, x, y: 10, toJSON() {} } as DOMRect;
    },
    style: (el) => window.getComputedStyle(el),
    elementAt: () => null,
    scrollX: 0,
    scrollY: 0,
    ...(cover ? { elementAt: () => cover(document.querySelector('input') as Element) } : {}),
  };
}

const FORM = `
  <form>
    <label for="k">API Access Key ID</label><input id="k" type="password" name="credentials.apiKey">
    <label for="h">HMAC Token</label><input id="h" type="password" name="credentials.hmacToken">
    <label for="c">Content String *</label><input id="c" name="credentials.content">
    <label for="b">Passportal Base URL</label><span>https://</span><input id="b" name="params.base_url">
    <button disabled>Connect</button>
  </form>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('labels', () => {
  it('normalises label text', () => {
    expect(normaliseLabel('  Content\n String * : ')).toBe('content string');
  });

  it('reads label[for], wrapping labels, aria-label and aria-labelledby', () => {
    document.body.innerHTML = `
      <label for="a">API Access Key ID</label><input id="a">
      <label>HMAC Token <input id="b"></label>
      <input id="c" aria-label="Content String">
      <span id="l1">Passportal</span><span id="l2">Base URL</span><input id="d" aria-labelledby="l1 l2">`;
    const get = (id: string) => document.getElementById(id) as HTMLInputElement;
    expect(labelsOf(get('a'))).toEqual(['api access key id']);
    expect(labelsOf(get('b'))).toEqual(['hmac token']);
    expect(labelsOf(get('c'))).toEqual(['content string']);
    expect(labelsOf(get('d'))).toEqual(['passportal base url']);
  });
});

describe('findConnectFields', () => {
  it('finds all four fields of the Nango form by name', () => {
    document.body.innerHTML = FORM;
    const fields = findConnectFields(document, fakeEnv());
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.state]))).toEqual({
      apiKey: 'fillable',
      hmacToken: 'fillable',
      content: 'fillable',
      baseUrl: 'fillable',
    });
    expect(fields.baseUrl.state === 'fillable' && fields.baseUrl.element.id).toBe('b');
  });

  it('falls back to label text when an integration renames the inputs', () => {
    document.body.innerHTML = FORM.replace(/name="[^"]+"/g, 'name="x"');
    const fields = findConnectFields(document, fakeEnv());
    expect(fields.hmacToken.state === 'fillable' && fields.hmacToken.element.id).toBe('h');
    expect(fields.baseUrl.state === 'fillable' && fields.baseUrl.element.id).toBe('b');
  });

  it('skips hidden honeypots with the same name and picks the visible field', () => {
    document.body.innerHTML = `
      <input name="credentials.apiKey" id="hp1" style="display:none">
      <div style="display:none"><input name="credentials.apiKey" id="hp2"></div>
      <input name="credentials.apiKey" id="hp3" style="visibility:hidden">
      <div style="opacity:0"><input name="credentials.apiKey" id="hp4"></div>
      <input name="credentials.apiKey" id="hp5" data-w="0" data-h="0">
      <input name="credentials.apiKey" id="hp6" data-x="-10000">
      <input name="credentials.apiKey" id="hp7" type="hidden">
      <input name="credentials.apiKey" id="real">`;
    const fields = findConnectFields(document, fakeEnv());
    expect(fields.apiKey.state === 'fillable' && fields.apiKey.element.id).toBe('real');
  });

  it('reports a preset, hidden Base URL as unavailable and a missing field as missing', () => {
    document.body.innerHTML = `<input name="credentials.apiKey"><input type="hidden" name="params.base_url" value="x.passportalmsp.com">`;
    const fields = findConnectFields(document, fakeEnv());
    expect(fields.baseUrl).toEqual({ state: 'unavailable', problem: 'hidden' });
    expect(fields.content).toEqual({ state: 'missing' });
  });

  it('refuses to guess between two visible fields with the same name', () => {
    document.body.innerHTML = `<input name="credentials.apiKey"><input name="credentials.apiKey">`;
    expect(findConnectFields(document, fakeEnv()).apiKey).toEqual({ state: 'ambiguous', count: 2 });
  });
});

describe('fillProblem', () => {
  it.each([
    ['<input disabled>', 'disabled'],
    ['<fieldset disabled><input></fieldset>', 'disabled'],
    ['<input readonly>', 'read-only'],
    ['<input type="hidden">', 'hidden'],
    ['<input style="display:none">', 'hidden'],
    ['<input style="visibility:hidden">', 'hidden'],
    ['<div style="opacity:0.05"><input></div>', 'hidden'],
    ['<input data-w="1" data-h="1">', 'zero-size'],
    ['<input data-x="-5000">', 'off-page'],
    ['<input>', null],
    ['<div style="opacity:0.5"><input></div>', null],
  ])('%s → %s', (html, problem) => {
    document.body.innerHTML = html;
    expect(fillProblem(document.querySelector('input') as HTMLInputElement, fakeEnv())).toBe(problem);
  });

  it('detects an element covering the field centre, but not its own label', () => {
    document.body.innerHTML = '<label for="i">L</label><input id="i"><div id="overlay"></div>';
    const input = document.querySelector('input') as HTMLInputElement;
    const overlay = document.getElementById('overlay') as Element;
    const label = document.querySelector('label') as Element;
    expect(
      coveredProblem(
        input,
        fakeEnv(() => overlay),
      ),
    ).toBe('covered');
    expect(
      coveredProblem(
        input,
        fakeEnv(() => input),
      ),
    ).toBeNull();
    expect(
      coveredProblem(
        input,
        fakeEnv(() => label),
      ),
    ).toBeNull();
  });
});

describe('setInputValue', () => {
  it('sets the value through the native setter and fires bubbling input and change', () => {
    document.body.innerHTML = '<form><input></form>';
    const input = document.querySelector('input') as HTMLInputElement;
    const seen: string[] = [];
    document
      .querySelector('form')
      ?.addEventListener('input', (e) => seen.push(`${e.type}:${(e.target as HTMLInputElement).value}`));
    document.querySelector('form')?.addEventListener('change', (e) => seen.push(e.type));
    // Like React: an instance-level `value` property that swallows plain assignments.
    Object.defineProperty(input, 'value', { configurable: true, get: () => 'tracked', set: () => {} });
    expect(setInputValue(input, 'abc')).toBe(false); // the instance getter still lies…
    delete (input as { value?: unknown }).value;
    expect(input.value).toBe('abc'); // …but the native value was set
    expect(seen).toEqual(['input:tracked', 'change']);
  });
});

describe('probeFrame / fillFrame', () => {
  it('describes the frame and fills exactly the requested fields, never submitting', () => {
    document.body.innerHTML = FORM;
    let submitted = false;
    document.querySelector('form')?.addEventListener('submit', () => {
      submitted = true;
    });
    const probe = probeFrame(window, fakeEnv());
    expect(probe.embedder).toEqual(embedderOf(window));
    expect(Object.values(probe.fields).every((f) => f.state === 'fillable')).toBe(true);

    const res = fillFrame(window, { apiKey: 'k'.repeat(64), hmacToken: 'h', content: 'api-content-hash' }, fakeEnv());
    expect(res.results).toEqual({
      apiKey: { state: 'filled' },
      hmacToken: { state: 'filled' },
      content: { state: 'filled' },
      baseUrl: { state: 'skipped' },
    });
    expect((document.getElementById('c') as HTMLInputElement).value).toBe('api-content-hash');
    expect((document.getElementById('b') as HTMLInputElement).value).toBe('');
    expect(submitted).toBe(false);
  });

  it('re-checks each field at fill time and reports why one was not filled', () => {
    document.body.innerHTML = FORM;
    (document.getElementById('b') as HTMLInputElement).style.display = 'none';
    const res = fillFrame(window, { baseUrl: 'acme.passportalmsp.com' }, fakeEnv());
    expect(res.results.baseUrl).toEqual({ state: 'failed', problem: 'hidden' });
    expect((document.getElementById('b') as HTMLInputElement).value).toBe('');
  });

  it('fills all or nothing: one refused field leaves every field of the form untouched', () => {
    document.body.innerHTML = FORM;
    const hmac = document.getElementById('h') as HTMLInputElement;
    // Something else is drawn over the HMAC Token field only (the cover check measures a field, then hit-tests).
    const base = fakeEnv();
    let measured: Element | null = null;
    const env: VisibilityEnv = {
      ...base,
      rect: (el) => {
        measured = el;
        return base.rect(el);
      },
      elementAt: () => (measured === hmac ? document.body : null),
    };
    const res = fillFrame(
      window,
      {
        apiKey: 'k'.repeat(64),
        hmacToken: 'h'.repeat(64),
        content: 'api-content-hash',
        baseUrl: 'a.passportalmsp.com',
      },
      env,
    );
    expect(res.results).toEqual({
      apiKey: { state: 'held' },
      hmacToken: { state: 'failed', problem: 'covered' },
      content: { state: 'held' },
      baseUrl: { state: 'held' },
    });
    expect([...document.querySelectorAll('input')].map((i) => i.value)).toEqual(['', '', '', '']);
  });
});

describe('embedderOf', () => {
  const fakeWin = (top: unknown, ancestors?: string[]) =>
    ({ top, location: { ancestorOrigins: ancestors } }) as unknown as Window;

  it('knows top-level, embedded (from ancestorOrigins, outermost) and unknown', () => {
    const self = fakeWin(null);
    (self as { top: unknown }).top = self;
    expect(embedderOf(self)).toEqual({ kind: 'top-level' });
    expect(embedderOf(fakeWin({}, ['https://mid.test', 'https://app.customer.test']))).toEqual({
      kind: 'embedded',
      origin: 'https://app.customer.test',
    });
    expect(embedderOf(fakeWin({}))).toEqual({ kind: 'unknown' });
    expect(embedderOf(fakeWin({}, ['null']))).toEqual({ kind: 'unknown' });
  });
});
