import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Field } from '@/components/Field';
import { HmacOutput } from '@/components/HmacOutput';
import { PassportalImport } from '@/components/PassportalImport';
import { SecretInput } from '@/components/SecretInput';
import { Status, type StatusTone } from '@/components/Status';
import { blockingErrors, DEFAULT_CONTENT, type Draft, type DraftKey, validateDraft } from '@/utils/credentials';
import { hmacSha256Hex } from '@/utils/hmac';
import {
  BASE_URL_SOURCE_TEXT,
  DRAFT_LABELS,
  fillSummary,
  problemText,
  shownFields,
  siteText,
  warningText,
} from '@/utils/messages';
import type { FillValues } from '@/utils/messaging';
import { detectBaseUrl, type FillTarget, fillTarget, findFillTarget } from '@/utils/popup-actions';
import type { BaseUrlSource } from '@/utils/targets';

type Feedback = { tone: StatusTone; text: string } | null;
const ORDER: DraftKey[] = ['apiKey', 'secret', 'content', 'baseUrl'];

export function App() {
  const [draft, setDraft] = useState<Draft>({ apiKey: '', secret: '', content: DEFAULT_CONTENT, baseUrl: '' });
  const [source, setSource] = useState<BaseUrlSource | 'typed' | 'detecting'>('detecting');
  const [touched, setTouched] = useState<Set<DraftKey>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [hmac, setHmac] = useState('');
  const [target, setTarget] = useState<FillTarget | null | 'searching'>('searching');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<DraftKey, HTMLInputElement | null>>>({});

  const validation = useMemo(() => validateDraft(draft), [draft]);
  const { values, errors, warnings } = validation;

  useEffect(() => {
    void detectBaseUrl().then(({ host, source }) => {
      // Never overwrite what the user already typed while detection ran.
      setDraft((d) => (d.baseUrl === '' ? { ...d, baseUrl: host } : d));
      setSource((s) => (s === 'detecting' ? source : s));
    });
    void findFillTarget().then(setTarget);
  }, []);

  // Live HMAC as the user types; a sequence number drops answers that arrive out of order.
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (errors.secret || errors.content) {
      setHmac('');
      return;
    }
    hmacSha256Hex(values.secret, values.content).then(
      (hex) => mine === seq.current && setHmac(hex),
      () => mine === seq.current && setHmac(''),
    );
  }, [values.secret, values.content, errors.secret, errors.content]);

  const update = (key: DraftKey) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
    if (key === 'baseUrl') setSource('typed');
    setFeedback(null);
  };
  const shown = (key: DraftKey) => showAll || (touched.has(key) && draft[key] !== '');
  const errorOf = (key: DraftKey) => {
    const problem = errors[key];
    return problem && shown(key) ? problemText(key, problem) : undefined;
  };
  const warningOf = (key: DraftKey) => {
    const warning = warnings[key];
    return warning ? warningText(warning) : undefined;
  };

  const focusFirst = (keys: DraftKey[]) => {
    const first = ORDER.find((k) => keys.includes(k));
    if (first) inputs.current[first]?.focus();
  };

  const onCopy = async () => {
    if (!hmac) {
      setShowAll(true);
      const missing = (['secret', 'content'] as DraftKey[]).filter((k) => errors[k]);
      setFeedback({
        tone: 'error',
        text: `Nothing to copy yet: enter the ${missing.map((k) => DRAFT_LABELS[k]).join(' and ')}.`,
      });
      focusFirst(missing);
      return;
    }
    try {
      await navigator.clipboard.writeText(hmac);
      setFeedback({ tone: 'success', text: 'Copied the HMAC Token to the clipboard.' });
    } catch (error) {
      setFeedback({ tone: 'error', text: `Could not copy: ${(error as Error).message || 'the browser refused'}.` });
    }
  };

  const onFill = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setFeedback({ tone: 'info', text: 'Looking for the Connect form…' });
    try {
      const found = await findFillTarget();
      setTarget(found);
      if (!found) {
        setFeedback({
          tone: 'error',
          text: 'No Nango Connect form found. Open the Passportal connection in Nango’s Connect UI (reload the page if it was already open), then try again.',
        });
        return;
      }
      const fields = shownFields(found.probe.fields);
      const ambiguous = (Object.keys(found.probe.fields) as (keyof typeof found.probe.fields)[]).filter(
        (k) => found.probe.fields[k].state === 'ambiguous',
      );
      const blocking = blockingErrors(validation, fields);
      if (blocking.length) {
        setShowAll(true);
        setFeedback({
          tone: 'error',
          text: `Not filled. Fix ${blocking.map((k) => DRAFT_LABELS[k]).join(', ')} first.`,
        });
        focusFirst(blocking);
        return;
      }
      const token = fields.includes('hmacToken') ? await hmacSha256Hex(values.secret, values.content) : '';
      const all: FillValues = {
        apiKey: values.apiKey,
        hmacToken: token,
        content: values.content,
        baseUrl: values.baseUrl,
      };
      const send: FillValues = {};
      for (const key of [...fields, ...ambiguous]) send[key] = all[key];
      const response = await fillTarget(found, send);
      if (!response) {
        setFeedback({ tone: 'error', text: 'The Connect form did not answer. Reload its page and try again.' });
        return;
      }
      const summary = fillSummary(response.results);
      setFeedback({
        tone: summary.ok ? 'success' : 'error',
        text: `${summary.text} Site: ${siteText(response.embedder, response.origin)}.`,
      });
    } catch (error) {
      setFeedback({ tone: 'error', text: `Fill failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const baseHint =
    source === 'detecting'
      ? 'Looking for an open Passportal tab…'
      : `${BASE_URL_SOURCE_TEXT[source]}${!errors.baseUrl && values.baseUrl !== draft.baseUrl.trim() ? ` Will use ${values.baseUrl}.` : ''}`;
  const baseRequired = target && target !== 'searching' ? target.probe.fields.baseUrl.state === 'fillable' : true;

  return (
    <main>
      <header>
        <h1>Passportal → Nango</h1>
        <p className="sub">Computed on this device. Your secret never leaves this popup.</p>
      </header>
      <PassportalImport
        onImport={({ apiKey, secret }) => {
          update('apiKey')(apiKey);
          update('secret')(secret);
        }}
      />
      <form onSubmit={onFill} noValidate>
        <Field
          label="API Access Key ID"
          value={draft.apiKey}
          onValue={update('apiKey')}
          ref={(el) => {
            inputs.current.apiKey = el;
          }}
          autoFocus
          className="mono"
          placeholder="64 hexadecimal characters"
          error={errorOf('apiKey')}
          warning={warningOf('apiKey')}
        />
        <SecretInput
          label="Secret Access Key"
          value={draft.secret}
          onValue={update('secret')}
          ref={(el) => {
            inputs.current.secret = el;
          }}
          className="mono"
          error={errorOf('secret')}
          warning={warningOf('secret')}
        />
        <Field
          label="Content String"
          value={draft.content}
          onValue={update('content')}
          ref={(el) => {
            inputs.current.content = el;
          }}
          className="mono"
          error={errorOf('content')}
          warning={warningOf('content')}
        />
        <Field
          label="Base URL"
          value={draft.baseUrl}
          onValue={update('baseUrl')}
          ref={(el) => {
            inputs.current.baseUrl = el;
          }}
          placeholder="mycompany.passportalmsp.com"
          hint={baseRequired ? baseHint : `${baseHint} This Connect form has its Base URL preset; it is not needed.`}
          error={baseRequired ? errorOf('baseUrl') : undefined}
          warning={warningOf('baseUrl')}
        />
        <HmacOutput value={hmac} placeholder="Enter the Secret Access Key" onCopy={onCopy} />
        <p className="target" data-testid="target">
          {target === 'searching'
            ? 'Looking for Nango’s Connect form…'
            : target
              ? `Fills the Connect form on ${siteText(target.probe.embedder, target.probe.origin)}.`
              : 'No Connect form found yet. Open Nango’s Connect UI in a tab; Fill finds it. If it was open before this extension was installed or updated, reload that page.'}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          Fill connect form
        </button>
      </form>
      {feedback && <Status tone={feedback.tone} text={feedback.text} />}
    </main>
  );
}
