export type StatusTone = 'info' | 'success' | 'error';

/** The one place feedback appears; a live region so screen readers announce "Copied", "Filled 4/4"… */
export function Status({ tone, text }: { tone: StatusTone; text: string }) {
  return (
    <p className={`status ${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-live="polite">
      {text}
    </p>
  );
}
