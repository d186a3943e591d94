import { useId } from 'react';
import { t } from '@/utils/i18n';

/** The computed HMAC Token, read-only, with its Copy button beside it. */
export function HmacOutput({ value, placeholder, onCopy }: { value: string; placeholder: string; onCopy(): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('labelHmacToken')}</label>
      <div className="field-row">
        <output id={id} className={value ? 'hmac' : 'hmac empty'} aria-live="off">
          {value || placeholder}
        </output>
        <button type="button" className="secondary" onClick={onCopy}>
          {t('copyHmac')}
        </button>
      </div>
    </div>
  );
}
