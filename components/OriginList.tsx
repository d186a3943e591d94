import { type FormEvent, useId, useState } from 'react';
import { t } from '@/utils/i18n';

/** A list of origins with Add (an input) and Remove buttons; errors are shown inline, next to the input. */
export function OriginList({
  title,
  description,
  origins,
  placeholder,
  onAdd,
  onRemove,
}: {
  title: string;
  description: string;
  origins: readonly string[];
  placeholder?: string;
  /** Returns an error message, or null when the origin was added. */
  onAdd?(text: string): Promise<string | null>;
  onRemove(origin: string): Promise<void>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!onAdd) return;
    const problem = await onAdd(text);
    setError(problem);
    if (!problem) setText('');
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">{description}</p>
      {origins.length === 0 ? (
        <p className="empty">{t('listNone')}</p>
      ) : (
        <ul className="origins">
          {origins.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              <button type="button" onClick={() => void onRemove(origin)} aria-label={t('listRemoveLabel', origin)}>
                {t('listRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {onAdd && (
        <form onSubmit={add} className="row" noValidate>
          <label htmlFor={`${id}-input`} className="visually-hidden">
            {t('listAddLabel', title)}
          </label>
          <input
            id={`${id}-input`}
            value={text}
            placeholder={placeholder}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            spellCheck={false}
          />
          <button type="submit">{t('listAdd')}</button>
        </form>
      )}
      {error && (
        <p className="note error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
