import { useState } from 'react';
import { Field, type FieldProps } from './Field';

/** A password field with a show/hide toggle. The value lives only in React state, never in storage. */
export function SecretInput(props: Omit<FieldProps, 'type' | 'addon'>) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      {...props}
      type={shown ? 'text' : 'password'}
      addon={
        <button
          type="button"
          className="toggle"
          aria-pressed={shown}
          aria-label={shown ? `Hide ${props.label}` : `Show ${props.label}`}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
      }
    />
  );
}
