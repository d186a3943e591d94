/**
 * Deciding whether an input may be filled, and filling it so React registers the value.
 * DOM only, no extension API. Layout-dependent checks take their measurements from a `VisibilityEnv`
 * so unit tests (happy-dom does no layout) can supply them; the real proof is the e2e suite.
 */

export type FillProblem =
  | 'hidden' // display:none, visibility:hidden, opacity ~0, content-visibility, type=hidden
  | 'zero-size'
  | 'off-page'
  | 'covered'
  | 'disabled'
  | 'read-only'
  | 'detached';

export interface VisibilityEnv {
  rect(el: Element): DOMRect;
  style(el: Element): CSSStyleDeclaration;
  /** The element hit at a viewport point, or null when the point is outside the viewport. */
  elementAt(x: number, y: number): Element | null;
  scrollX: number;
  scrollY: number;
}

export function windowEnv(win: Window): VisibilityEnv {
  return {
    rect: (el) => el.getBoundingClientRect(),
    style: (el) => win.getComputedStyle(el),
    elementAt: (x, y) => win.document.elementFromPoint(x, y),
    get scrollX() {
      return win.scrollX;
    },
    get scrollY() {
      return win.scrollY;
    },
  };
}

/** Smallest width/height (CSS px) we accept as "of real size"; honeypots are often 0–1 px. */
export const MIN_SIZE = 4;
/** Below this opacity (on the element or any ancestor) a field counts as invisible. */
export const MIN_OPACITY = 0.1;

/** Not drawn: display:none or content-visibility:hidden (itself or an ancestor), invisible, or near-transparent. */
export function hiddenByStyle(el: Element, env: VisibilityEnv): boolean {
  let opacity = 1;
  for (let node: Element | null = el; node; node = node.parentElement) {
    // The `hidden` attribute and a closed <dialog> hide through the UA stylesheet, which DOM-only test
    // environments do not apply; say it explicitly.
    if (node.hasAttribute('hidden') || (node.localName === 'dialog' && !node.hasAttribute('open'))) return true;
    const style = env.style(node);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return true;
    opacity *= Number.parseFloat(style.opacity || '1');
  }
  const own = env.style(el);
  return own.visibility === 'hidden' || own.visibility === 'collapse' || opacity < MIN_OPACITY;
}

/**
 * Why `el` must not be filled, or null when it may. Visibility means "rendered and seen", not
 * "in the viewport": Nango's Base URL field sits below the fold of its dialog and is fillable.
 * The coverage check is done separately (`coveredProblem`) because it needs the field scrolled into view.
 */
export function fillProblem(el: HTMLInputElement, env?: VisibilityEnv): FillProblem | null {
  if (!el.isConnected) return 'detached';
  if (el.type === 'hidden') return 'hidden';
  if (el.disabled || el.closest('fieldset:disabled')) return 'disabled';
  if (el.readOnly) return 'read-only';
  const view = env ?? (el.ownerDocument.defaultView ? windowEnv(el.ownerDocument.defaultView) : undefined);
  if (!view) return 'detached';
  if (hiddenByStyle(el, view)) return 'hidden';
  const rect = view.rect(el);
  if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return 'zero-size';
  // Off the page: entirely left of or above the document origin (e.g. `left: -10000px`).
  if (rect.right + view.scrollX <= 0 || rect.bottom + view.scrollY <= 0) return 'off-page';
  return null;
}

/**
 * Whether something else is drawn over the field's centre (a transparent overlay, a clickjacking frame).
 * Call after scrolling the field into view. Its own label or descendants do not count as cover.
 */
export function coveredProblem(el: HTMLInputElement, env: VisibilityEnv): FillProblem | null {
  const rect = env.rect(el);
  const hit = env.elementAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
  if (hit === null) return null; // outside the viewport: nothing to judge, not a cover
  if (hit === el || el.contains(hit)) return null;
  if (hit instanceof HTMLLabelElement && hit.control === el) return null;
  return 'covered';
}

/**
 * Sets an input's value the way a user's typing would, so React (and react-hook-form in onChange mode)
 * registers it: the native `value` setter bypasses React's instance-level tracker, then bubbling
 * `input` and `change` events run its change handler. Returns whether the value stuck.
 */
export function setInputValue(el: HTMLInputElement, value: string): boolean {
  const proto = Object.getPrototypeOf(el) as object;
  const setter =
    Object.getOwnPropertyDescriptor(proto, 'value')?.set ??
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (!setter) return false;
  setter.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return el.value === value;
}
