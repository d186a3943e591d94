import { useId } from 'react';

/** The computed HMAC Token, read-only, with its Copy button beside it. */
export function HmacOutput({ value, placeholder, onCopy }: { value: string; placeholder: string; onCopy(): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>HMAC Token</label>
      <div className="field-row">
        <output id={id} className={value ? 'hmac' : 'hmac empty'} aria-live="off">
          {value || placeholder}
        </output>
        <button type="button" className="secondary" onClick={onCopy}>
          Copy HMAC
        </button>
      </div>
    </div>
  );
}
