import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Confirm } from '@/components/Confirm';
import { Field } from '@/components/Field';
import { HmacOutput } from '@/components/HmacOutput';
import { PassportalImport } from '@/components/PassportalImport';
import { SecretInput } from '@/components/SecretInput';
import { Status, type StatusTone } from '@/components/Status';
import { scheduleClipboardClear } from '@/utils/clipboard';
import { testCredentials } from '@/utils/credential-test';
import { blockingErrors, type Draft, type DraftKey, validateDraft } from '@/utils/credentials';
import { hmacSha256Hex } from '@/utils/hmac';
import { t } from '@/utils/i18n';
import {
  baseUrlSourceText,
  confirmText,
  copiedText,
  DRAFT_LABELS,
  fillSummary,
  problemText,
  shownFields,
  siteText,
  testResultText,
  unfillableFormText,
  warningText,
} from '@/utils/messages';
import type { FieldReport, FillValues } from '@/utils/messaging';
import { detectBaseUrl, type FillTarget, fillTarget, findFillTarget } from '@/utils/popup-actions';
import {
  EMPTY_DRAFT,
  forgetEverything,
  getTrustedSites,
  loadInitialState,
  saveDraft,
  setRememberApiKey,
  trustSite,
} from '@/utils/popup-state';
import { settings } from '@/utils/storage';
import type { BaseUrlSource } from '@/utils/targets';
import { confirmationFor, siteOf } from '@/utils/trust';

type Feedback = { tone: StatusTone; text: string } | null;
type Pending = { target: FillTarget; site: string | null } | null;
const ORDER: DraftKey[] = ['apiKey', 'secret', 'content', 'baseUrl'];

export function App() {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [loaded, setLoaded] = useState(false);
  const [remember, setRemember] = useState(false);
  const [source, setSource] = useState<BaseUrlSource | 'typed' | 'detecting'>('detecting');
  const [touched, setTouched] = useState<Set<DraftKey>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [hmac, setHmac] = useState('');
  const [target, setTarget] = useState<FillTarget | null | 'searching'>('searching');
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState<'fill' | 'test' | null>(null);
  const inputs = useRef<Partial<Record<DraftKey, HTMLInputElement | null>>>({});
  // What the user has typed so far, and the draft as last rendered: the initial load merges them in.
  const edited = useRef(new Set<DraftKey>());
  const current = useRef(EMPTY_DRAFT);

  current.current = draft;
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const { values, errors, warnings } = validation;

  // Restore what the user typed (≤ 10 min, storage.session), then the detected base URL, then the Connect target.
  useEffect(() => {
    void (async () => {
      const initial = await loadInitialState();
      const restored = initial.draft ?? EMPTY_DRAFT;
      setRemember(initial.rememberApiKey);
      const detected = restored.baseUrl ? null : await detectBaseUrl();
      const loadedDraft = detected ? { ...restored, baseUrl: detected.host } : restored;
      // Whatever the user typed while this was loading wins over what was loaded: never undo their typing.
      const typed = edited.current;
      const next = { ...loadedDraft };
      for (const k of typed) next[k] = current.current[k];
      setDraft(next);
      if (!typed.has('baseUrl')) setSource(detected ? detected.source : 'typed');
      if (initial.restoredFrom === 'session') {
        setTouched(new Set(ORDER.filter((k) => next[k] !== '')));
        setFeedback({ tone: 'info', text: t('restored') });
      }
      setLoaded(true);
      // Focus starts in the first empty field, unless the user has already put it somewhere.
      const firstEmpty = ORDER.find((k) => next[k] === '') ?? 'apiKey';
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) {
          inputs.current[firstEmpty]?.focus();
        }
      });
    })();
    void findFillTarget().then(setTarget);
  }, []);

  // Keep the draft so a popup closed by a click elsewhere loses nothing (storage.session, ≤ 10 minutes).
  useEffect(() => {
    if (loaded) void saveDraft(draft, remember);
  }, [draft, loaded, remember]);

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
    edited.current.add(key);
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
    if (key === 'baseUrl') setSource('typed');
    setFeedback(null);
    setPending(null);
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
  const refuse = (keys: DraftKey[], what: string) => {
    setShowAll(true);
    setFeedback({
      tone: 'error',
      text: t('fixFirst', what, keys.map((k) => DRAFT_LABELS[k]).join(t('listSeparator'))),
    });
    focusFirst(keys);
  };

  const onCopy = async () => {
    if (!hmac) {
      const missing = (['secret', 'content'] as DraftKey[]).filter((k) => errors[k]);
      refuse(missing, t('nothingToCopy'));
      return;
    }
    try {
      await navigator.clipboard.writeText(hmac);
      const { clipboardClearSeconds } = await settings.getValue();
      await scheduleClipboardClear(clipboardClearSeconds);
      setFeedback({ tone: 'success', text: copiedText(clipboardClearSeconds) });
    } catch (error) {
      setFeedback({ tone: 'error', text: t('copyFailed', (error as Error).message || t('copyRefused')) });
    }
  };

  const doFill = async (found: FillTarget) => {
    const fields = shownFields(found.probe.fields);
    const ambiguous = (Object.entries(found.probe.fields) as [keyof FillValues, FieldReport][])
      .filter(([, f]) => f.state === 'ambiguous')
      .map(([k]) => k);
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
      setFeedback({ tone: 'error', text: t('noAnswer') });
      return;
    }
    const summary = fillSummary(response.results);
    setFeedback({
      tone: summary.ok ? 'success' : 'error',
      text: t('fillSite', summary.text, siteText(response.embedder, response.origin)),
    });
  };

  const onFill = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy('fill');
    setPending(null);
    setFeedback({ tone: 'info', text: t('lookingForForm') });
    try {
      const found = await findFillTarget();
      setTarget(found);
      if (!found) {
        setFeedback({
          tone: 'error',
          text: t('noFormFound'),
        });
        return;
      }
      if (shownFields(found.probe.fields).length === 0) {
        const site = siteText(found.probe.embedder, found.probe.origin);
        setFeedback({ tone: 'error', text: unfillableFormText(found.probe.fields, site) });
        return;
      }
      const blocking = blockingErrors(validation, shownFields(found.probe.fields));
      if (blocking.length) {
        refuse(blocking, t('notFilled'));
        return;
      }
      const site = siteOf(found.probe.embedder, found.probe.origin);
      if (confirmationFor(site, await getTrustedSites()).needed) {
        setFeedback(null);
        setPending({ target: found, site });
        return;
      }
      await doFill(found);
    } catch (error) {
      setFeedback({ tone: 'error', text: t('fillFailed', (error as Error).message) });
    } finally {
      setBusy(null);
    }
  };

  const onConfirm = async () => {
    if (!pending) return;
    const { target: found, site } = pending;
    setPending(null);
    setBusy('fill');
    try {
      if (site) await trustSite(site);
      await doFill(found);
    } catch (error) {
      setFeedback({ tone: 'error', text: t('fillFailed', (error as Error).message) });
    } finally {
      setBusy(null);
    }
  };

  const onTest = async () => {
    if (busy) return;
    const blocking = (['apiKey', 'secret', 'content', 'baseUrl'] as DraftKey[]).filter((k) => errors[k]);
    if (blocking.length || !hmac) {
      refuse(blocking, t('cannotTest'));
      return;
    }
    setBusy('test');
    setFeedback({ tone: 'info', text: t('testAsking', values.baseUrl) });
    try {
      const result = await testCredentials({
        baseUrl: values.baseUrl,
        apiKey: values.apiKey,
        hmac,
        content: values.content,
      });
      const words = testResultText(result, values.baseUrl);
      setFeedback({ tone: words.ok ? 'success' : 'error', text: words.text });
    } finally {
      setBusy(null);
    }
  };

  const onForget = async () => {
    await forgetEverything();
    setDraft((d) => ({ ...EMPTY_DRAFT, baseUrl: d.baseUrl }));
    setTouched(new Set());
    setShowAll(false);
    setPending(null);
    setFeedback({ tone: 'success', text: t('forgotten') });
    inputs.current.apiKey?.focus();
  };

  const onRemember = async (on: boolean) => {
    setRemember(on);
    await setRememberApiKey(on, draft);
  };

  const baseHint = baseUrlSourceText(
    source,
    !errors.baseUrl && values.baseUrl !== draft.baseUrl.trim() ? values.baseUrl : undefined,
  );
  // A form that fills other fields but not the Base URL has it preset by the integration; one that fills nothing
  // at all is refused as a whole (see onFill), so it says nothing about the Base URL.
  const baseRequired =
    target && target !== 'searching' && shownFields(target.probe.fields).length > 0
      ? target.probe.fields.baseUrl.state === 'fillable'
      : true;

  return (
    <main>
      <header>
        <div>
          <h1>{t('popupTitle')}</h1>
          <p className="sub">{t('popupSubtitle')}</p>
        </div>
        <button type="button" className="link" onClick={onForget}>
          {t('forget')}
        </button>
      </header>
      <PassportalImport
        onImport={({ apiKey, secret }) => {
          update('apiKey')(apiKey);
          update('secret')(secret);
          // The import box goes away: keep the keyboard in the form, where Enter fills.
          requestAnimationFrame(() => inputs.current.apiKey?.focus());
        }}
        onFeedback={setFeedback}
      />
      <form onSubmit={onFill} noValidate>
        <Field
          label={DRAFT_LABELS.apiKey}
          value={draft.apiKey}
          onValue={update('apiKey')}
          ref={(el) => {
            inputs.current.apiKey = el;
          }}
          className="mono"
          placeholder={t('apiKeyPlaceholder')}
          error={errorOf('apiKey')}
          warning={warningOf('apiKey')}
          hint={
            <label className="check">
              <input type="checkbox" checked={remember} onChange={(e) => void onRemember(e.currentTarget.checked)} />
              {t('rememberApiKey')}
            </label>
          }
        />
        <SecretInput
          label={DRAFT_LABELS.secret}
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
          label={DRAFT_LABELS.content}
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
          label={DRAFT_LABELS.baseUrl}
          value={draft.baseUrl}
          onValue={update('baseUrl')}
          ref={(el) => {
            inputs.current.baseUrl = el;
          }}
          placeholder={t('baseUrlPlaceholder')}
          hint={baseRequired ? baseHint : `${baseHint} ${t('baseUrlPreset')}`}
          error={baseRequired ? errorOf('baseUrl') : undefined}
          warning={warningOf('baseUrl')}
        />
        <HmacOutput value={hmac} placeholder={t('hmacPlaceholder')} onCopy={onCopy} />
        <p className="target" data-testid="target">
          {target === 'searching'
            ? t('targetSearching')
            : target && shownFields(target.probe.fields).length === 0
              ? t('targetUnfillable', siteText(target.probe.embedder, target.probe.origin))
              : target
                ? t('targetFound', siteText(target.probe.embedder, target.probe.origin))
                : t('targetNone')}
        </p>
        <div className="row">
          <button type="submit" className="primary grow" disabled={busy === 'fill'}>
            {t('fillButton')}
          </button>
          <button type="button" onClick={onTest} disabled={busy === 'test'}>
            {t('testButton')}
          </button>
        </div>
      </form>
      {pending && (
        <Confirm
          text={confirmText(pending.site)}
          confirmLabel={pending.site ? t('confirmTrust') : t('confirmOnce')}
          onConfirm={onConfirm}
          onCancel={() => {
            setPending(null);
            setFeedback({ tone: 'info', text: t('notFilled') });
          }}
        />
      )}
      {feedback && <Status tone={feedback.tone} text={feedback.text} />}
    </main>
  );
}
