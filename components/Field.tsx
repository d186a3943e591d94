import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  ref?: Ref<HTMLInputElement>;
  value: string;
  onValue(value: string): void;
  /** Shown under the input; an error makes the field invalid for assistive technology too. */
  error?: string;
  warning?: string;
  hint?: ReactNode;
  /** Extra control inside the input row (e.g. show/hide). */
  addon?: ReactNode;
}

/** A labelled text input with its hint, warning and error wired to `aria-describedby`. */
export function Field({ label, value, onValue, error, warning, hint, addon, id, ref, ...rest }: FieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const notes = [hint && `${inputId}-hint`, warning && `${inputId}-warn`, error && `${inputId}-err`].filter(Boolean);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <div className="field-row">
        <input
          id={inputId}
          ref={ref}
          value={value}
          onChange={(e) => onValue(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={notes.length ? notes.join(' ') : undefined}
          spellCheck={false}
          autoComplete="off"
          {...rest}
        />
        {addon}
      </div>
      {hint && (
        <p className="note hint" id={`${inputId}-hint`}>
          {hint}
        </p>
      )}
      {warning && (
        <p className="note warning" id={`${inputId}-warn`}>
          {warning}
        </p>
      )}
      {error && (
        <p className="note error" id={`${inputId}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}
