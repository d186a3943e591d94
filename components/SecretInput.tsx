import { useState } from 'react';
import { t } from '@/utils/i18n';
import { Field, type FieldProps } from './Field';

/** A password field with a show/hide toggle. The value lives in React state (and the ≤ 10-minute session draft). */
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
          aria-label={shown ? t('hideLabel', props.label) : t('showLabel', props.label)}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? t('hide') : t('show')}
        </button>
      }
    />
  );
}
