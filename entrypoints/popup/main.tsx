/**
 * The popup's entry. index.html carries the top of the App's first render as static HTML (the shell: header and
 * the first two fields) and the stylesheet inline, so the popup paints them before any JavaScript has run. React (about 230 kB before gzip) comes
 * in through dynamic imports, so the page does not wait for it, and renders only after the shell's first frame; it
 * replaces the shell and carries over anything already typed and the focus.
 * Why: the first paint with the first field is budgeted at ≤ 1.15× a static page (issue 5, `npm run bench`);
 * a React-rendered popup with a <link> stylesheet measured ~1.6×.
 */

/** A control of the shell or of the App, found by the text of its label (the words the user reads). */
function controlsByLabel(container: ParentNode): Map<string, HTMLInputElement> {
  const controls = new Map<string, HTMLInputElement>();
  for (const label of container.querySelectorAll('label')) {
    const name = label.textContent?.trim();
    if (name && label.control instanceof HTMLInputElement && !controls.has(name)) controls.set(name, label.control);
  }
  return controls;
}

interface ShellInput {
  values: { name: string; value: string }[];
  checks: { name: string; checked: boolean }[];
  focus: { name: string; start: number | null; end: number | null } | null;
}

/** What the user did in the shell before React was there: typed text, ticked boxes, where the caret is. */
function readShell(shell: ParentNode): ShellInput {
  const read: ShellInput = { values: [], checks: [], focus: null };
  for (const [name, input] of controlsByLabel(shell)) {
    if (input.type === 'checkbox') {
      if (input.checked !== input.defaultChecked) read.checks.push({ name, checked: input.checked });
    } else if (input.value !== input.defaultValue) {
      read.values.push({ name, value: input.value });
    }
    if (document.activeElement === input) read.focus = { name, start: input.selectionStart, end: input.selectionEnd };
  }
  return read;
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

/** Puts the shell's input into the App's controls as a user would (React sees input events and clicks). */
function apply(read: ShellInput, controls: Map<string, HTMLInputElement>): void {
  const changed = new Set<HTMLInputElement>();
  for (const { name, value } of read.values) {
    const input = controls.get(name);
    if (!input || input.value === value || !setValue) continue;
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    changed.add(input);
  }
  for (const { name, checked } of read.checks) {
    const input = controls.get(name);
    if (input && input.checked !== checked) input.click();
  }
  const focus = read.focus;
  const target = focus && controls.get(focus.name);
  if (!focus || !target || (document.activeElement === target && !changed.has(target))) return;
  target.focus();
  try {
    // Setting the value put the caret at the end; put it back where it was.
    target.setSelectionRange(focus.start, focus.end);
  } catch {
    // Not every input type has a selection (a checkbox has none).
  }
}

/** Resolves once the shell has been painted: after the next frame, or at once when the page is not rendered. */
function afterFirstFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A page that stops rendering (hidden meanwhile) gets no animation frame: do not wait for one.
    setTimeout(resolve, 200);
  });
}

async function start(root: HTMLElement): Promise<void> {
  // Start loading at once (measured faster than after the frame), render only once the shell is on screen.
  const modules = Promise.all([import('react'), import('react-dom'), import('react-dom/client'), import('./App')]);
  await afterFirstFrame();
  const [{ StrictMode, createElement }, { flushSync }, { createRoot }, { App }] = await modules;
  // Read the shell and render the App in one task, so nothing typed in between can be lost.
  const read = readShell(root);
  flushSync(() => createRoot(root).render(createElement(StrictMode, null, createElement(App))));
  // Once is enough: App merges what was typed over the state it loads and leaves the focus where it is.
  apply(read, controlsByLabel(root));
}

const root = document.getElementById('root');
if (root) void start(root);
