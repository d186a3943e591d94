import { useEffect, useId, useState } from 'react';
import { OriginList } from '@/components/OriginList';
import { t } from '@/utils/i18n';
import { addOrigin, removeOrigin, removeTrustedSite, setRemember, updateSettings } from '@/utils/options-actions';
import { DEFAULT_SETTINGS, type Settings, settings, trustedSites } from '@/utils/storage';

const DELAYS = [
  { seconds: 30, label: t('delay30') },
  { seconds: 60, label: t('delay60') },
  { seconds: 120, label: t('delay120') },
  { seconds: 300, label: t('delay300') },
  { seconds: 0, label: t('delayNever') },
];

export function App() {
  const [prefs, setPrefs] = useState<Settings>(DEFAULT_SETTINGS);
  const [trusted, setTrusted] = useState<string[]>([]);
  const [saved, setSaved] = useState('');
  const id = useId();

  useEffect(() => {
    void settings.getValue().then(setPrefs);
    void trustedSites.getValue().then(setTrusted);
    const unwatch = [
      settings.watch((v) => setPrefs(v ?? DEFAULT_SETTINGS)),
      trustedSites.watch((v) => setTrusted(v ?? [])),
    ];
    return () => {
      for (const u of unwatch) u();
    };
  }, []);
  const done = (text: string) => setSaved(text);

  return (
    <main className="options">
      <h1>{t('optionsTitle')}</h1>
      <OriginList
        title={t('optionsConnectTitle')}
        description={t('optionsConnectDescription')}
        origins={prefs.extraConnectOrigins}
        placeholder="https://connect.example.com"
        onAdd={async (text) => {
          const error = await addOrigin('extraConnectOrigins', text);
          if (!error) done(t('optionsConnectAdded'));
          return error;
        }}
        onRemove={async (origin) => {
          await removeOrigin('extraConnectOrigins', origin);
          done(t('optionsRemoved', origin));
        }}
      />
      <OriginList
        title={t('optionsPassportalTitle')}
        description={t('optionsPassportalDescription')}
        origins={prefs.extraPassportalOrigins}
        placeholder="https://vault.example.com"
        onAdd={async (text) => {
          const error = await addOrigin('extraPassportalOrigins', text);
          if (!error) done(t('optionsAdded'));
          return error;
        }}
        onRemove={async (origin) => {
          await removeOrigin('extraPassportalOrigins', origin);
          done(t('optionsRemoved', origin));
        }}
      />
      <OriginList
        title={t('optionsTrustedTitle')}
        description={t('optionsTrustedDescription')}
        origins={trusted}
        onRemove={async (site) => {
          await removeTrustedSite(site);
          done(t('optionsTrustedRemoved', site));
        }}
      />
      <section aria-labelledby={`${id}-clip`}>
        <h2 id={`${id}-clip`}>{t('optionsClipboardTitle')}</h2>
        <label htmlFor={`${id}-delay`}>{t('optionsClipboardLabel')}</label>
        <select
          id={`${id}-delay`}
          value={prefs.clipboardClearSeconds}
          onChange={(e) => {
            void updateSettings({ clipboardClearSeconds: Number(e.currentTarget.value) });
            done(t('optionsSaved'));
          }}
        >
          {DELAYS.map((d) => (
            <option key={d.seconds} value={d.seconds}>
              {d.label}
            </option>
          ))}
        </select>
        <p className="hint">{t('optionsClipboardHint')}</p>
      </section>
      <section aria-labelledby={`${id}-mem`}>
        <h2 id={`${id}-mem`}>{t('optionsMemoryTitle')}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.rememberApiKey}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void setRemember(on);
              done(on ? t('optionsRememberOn') : t('optionsRememberOff'));
            }}
          />
          {t('optionsRemember')}
        </label>
        <p className="hint">{t('optionsMemoryHint')}</p>
      </section>
      <p className="status success" role="status" aria-live="polite">
        {saved}
      </p>
    </main>
  );
}
