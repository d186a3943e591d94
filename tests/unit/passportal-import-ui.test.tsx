import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassportalImport } from '@/components/PassportalImport';
import * as glue from '@/utils/passportal-import';

// The browser-calling glue is replaced; the words and the parsing stay real.
vi.mock('@/utils/passportal-import', async (importOriginal) => ({
  ...(await importOriginal<typeof glue>()),
  findPassportalTab: vi.fn(),
  peekPassportalTab: vi.fn(),
  readPassportalTab: vi.fn(),
}));

const KEY = `${'3f'.repeat(16)}${'a0'.repeat(16)}`;
const SECRET = 'ui-Secret/Key=';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

async function mount(onImport = vi.fn(), onFeedback = vi.fn()) {
  await act(async () => root.render(<PassportalImport onImport={onImport} onFeedback={onFeedback} />));
  return { onImport, onFeedback };
}

const button = () => host.querySelector('button');

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  vi.mocked(glue.findPassportalTab).mockResolvedValue(7);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.clearAllMocks();
});

describe('PassportalImport', () => {
  it('renders nothing without a Passportal tab', async () => {
    vi.mocked(glue.findPassportalTab).mockResolvedValue(null);
    await mount();
    expect(host.innerHTML).toBe('');
    expect(glue.peekPassportalTab).not.toHaveBeenCalled();
  });

  it.each(['no-dialog', 'no-answer', 'not-passportal'] as const)(
    'renders nothing when the peek says %s',
    async (reason) => {
      vi.mocked(glue.peekPassportalTab).mockResolvedValue({ ok: false, reason });
      await mount();
      expect(glue.peekPassportalTab).toHaveBeenCalledWith(7);
      expect(host.innerHTML).toBe('');
    },
  );

  it('offers the key by its preview only; the secret is read on the click, imported, and the box goes', async () => {
    vi.mocked(glue.peekPassportalTab).mockResolvedValue({ ok: true, apiKeyPreview: '3f3f…a0a0' });
    vi.mocked(glue.readPassportalTab).mockResolvedValue({ ok: true, apiKey: KEY, secret: SECRET });
    const { onImport, onFeedback } = await mount();
    expect(host.textContent).toContain('Passportal shows a new access key: 3f3f…a0a0 · secret ••••••••');
    expect(glue.readPassportalTab).not.toHaveBeenCalled();
    expect(button()?.textContent).toBe('Use key from Passportal');
    expect(button()?.getAttribute('aria-describedby')).toBe(host.querySelector('p')?.id);

    await act(async () => button()?.click());
    expect(glue.readPassportalTab).toHaveBeenCalledWith(7);
    expect(onImport).toHaveBeenCalledWith({ apiKey: KEY, secret: SECRET });
    expect(onFeedback).toHaveBeenCalledWith({ tone: 'success', text: 'Imported from Passportal.' });
    expect(host.innerHTML).toBe('');
  });

  it.each([
    ['secret-hidden', 'Click Show key in Passportal first.'],
    ['no-dialog', 'No Create access key dialog is open in Passportal.'],
    ['unrecognised', 'Could not read the key from this Passportal page — paste it instead.'],
  ] as const)('a failed read (%s) says why next to the button and imports nothing', async (reason, text) => {
    vi.mocked(glue.peekPassportalTab).mockResolvedValue({ ok: true, apiKeyPreview: '3f3f…a0a0' });
    vi.mocked(glue.readPassportalTab).mockResolvedValue({ ok: false, reason });
    const { onImport, onFeedback } = await mount();
    await act(async () => button()?.click());
    expect(host.querySelector('p')?.textContent).toBe(text);
    expect(onImport).not.toHaveBeenCalled();
    expect(onFeedback).not.toHaveBeenCalled();
    expect(button()).not.toBeNull();
  });
});
