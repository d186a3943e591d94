/**
 * "Use key from Passportal" (issue 6): takes the Access Key ID and the Secret Access Key from Passportal's
 * "Create access key" dialog, so the secret never goes through the clipboard. On mount it only peeks (shortened
 * Access Key ID, never the secret); the secret is read when the user clicks, and handed to `onImport`, which treats
 * it like typed input.
 *
 * Shown only while a Passportal tab has the dialog open (the popup is already ~600 px tall, a permanent row would
 * push its status out of sight). Why nothing was imported is said inside the box, next to the button, where it is
 * seen; after an import the box goes away and the popup's status says "Imported from Passportal."
 */

import { useEffect, useId, useState } from 'react';
import { t } from '@/utils/i18n';
import type { DialogPeek } from '@/utils/passportal-dialog';
import {
  findPassportalTab,
  type ImportFailure,
  type ImportProblem,
  importedText,
  importProblemText,
  peekPassportalTab,
  readPassportalTab,
} from '@/utils/passportal-import';
import type { StatusTone } from './Status';

export interface PassportalImportProps {
  /** Called with the values read from the dialog; the popup treats them like typed ones. */
  onImport(values: { apiKey: string; secret: string }): void;
  /** The popup's status line, told "Imported from Passportal." after an import. */
  onFeedback?(feedback: { tone: StatusTone; text: string }): void;
}

type Peek = DialogPeek | ImportFailure;

/** A dialog is open (readable or not): worth offering. No dialog, no tab, no answer: nothing to show. */
const DIALOG_OPEN: readonly ImportProblem[] = [
  'secret-hidden',
  'unrecognised',
  'bad-key',
  'bad-secret',
  'several-dialogs',
];

function offers(peek: Peek): boolean {
  return peek.ok || DIALOG_OPEN.includes(peek.reason);
}

function Summary({ peek }: { peek: Peek }) {
  if (!peek.ok && peek.reason === 'several-dialogs') return importProblemText('several-dialogs');
  if (!peek.apiKeyPreview) {
    return !peek.ok && peek.reason === 'secret-hidden' ? t('importDialogSecretHidden') : t('importDialogUnreadable');
  }
  return (
    <>
      {t('importOffer')}{' '}
      <span className="pp-key">
        <code>{peek.apiKeyPreview}</code> ·{' '}
        {peek.ok ? (
          <>
            {t('importSecretMasked')} <span aria-hidden="true">••••••••</span>
            <span className="visually-hidden">{t('importSecretMaskedA11y')}</span>
          </>
        ) : peek.reason === 'secret-hidden' ? (
          t('importSecretNotShown')
        ) : (
          t('importSecretUnreadable')
        )}
      </span>
    </>
  );
}

export function PassportalImport({ onImport, onFeedback }: PassportalImportProps) {
  const [view, setView] = useState<{ tabId: number; peek: Peek } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState(false);
  const summaryId = useId();

  useEffect(() => {
    let live = true;
    void (async () => {
      const tabId = await findPassportalTab();
      if (tabId === null || !live) return;
      const peek = await peekPassportalTab(tabId);
      if (live) setView({ tabId, peek });
    })();
    return () => {
      live = false;
    };
  }, []);

  if (!view || imported || !offers(view.peek)) return null;

  const onUse = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const reading = await readPassportalTab(view.tabId);
      if (reading.ok) {
        onImport({ apiKey: reading.apiKey, secret: reading.secret });
        onFeedback?.({ tone: 'success', text: importedText() });
        setImported(true);
      } else {
        setView({ tabId: view.tabId, peek: reading.apiKeyPreview ? reading : view.peek });
        setProblem(importProblemText(reading.reason));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`pp-import${view.peek.ok ? ' ready' : ''}`} aria-label={t('importRegion')}>
      <p id={summaryId} className={problem ? 'pp-problem' : undefined} aria-live="polite">
        {problem ?? <Summary peek={view.peek} />}
      </p>
      <button type="button" aria-describedby={summaryId} onClick={() => void onUse()} disabled={busy}>
        {t('importButton')}
      </button>
    </section>
  );
}
