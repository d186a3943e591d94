import { useEffect, useRef } from 'react';
import { t } from '@/utils/i18n';

/** An inline confirmation: the question, one button that goes ahead, one that cancels. Focus goes to it. */
export function Confirm({
  text,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  text: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text">{text}</p>
      <div className="row">
        <button type="button" className="primary" ref={ref} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
