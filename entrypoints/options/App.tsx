import { useEffect, useId, useState } from 'react';
import { OriginList } from '@/components/OriginList';
import { addOrigin, removeOrigin, removeTrustedSite, setRemember, updateSettings } from '@/utils/options-actions';
import { DEFAULT_SETTINGS, type Settings, settings, trustedSites } from '@/utils/storage';

const DELAYS = [
  { seconds: 30, label: '30 seconds' },
  { seconds: 60, label: '60 seconds (default)' },
  { seconds: 120, label: '2 minutes' },
  { seconds: 300, label: '5 minutes' },
  { seconds: 0, label: 'Never (not recommended)' },
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
      <h1>Passportal Connect Helper — Options</h1>
      <OriginList
        title="Self-hosted Nango Connect UI"
        description="Besides https://connect.nango.dev, fill the Connect form on these origins. Adding one asks your browser for access to it; removing it gives that access back."
        origins={prefs.extraConnectOrigins}
        placeholder="https://connect.example.com"
        onAdd={async (text) => {
          const error = await addOrigin('extraConnectOrigins', text);
          if (!error) done('Added. Reload open Connect pages on that origin.');
          return error;
        }}
        onRemove={async (origin) => {
          await removeOrigin('extraConnectOrigins', origin);
          done(`Removed ${origin}.`);
        }}
      />
      <OriginList
        title="Custom Passportal domains"
        description="Detect these as Passportal dashboards too (…passportalmsp.com hosts are always detected)."
        origins={prefs.extraPassportalOrigins}
        placeholder="https://vault.example.com"
        onAdd={async (text) => {
          const error = await addOrigin('extraPassportalOrigins', text);
          if (!error) done('Added.');
          return error;
        }}
        onRemove={async (origin) => {
          await removeOrigin('extraPassportalOrigins', origin);
          done(`Removed ${origin}.`);
        }}
      />
      <OriginList
        title="Trusted sites"
        description="Sites you confirmed for filling. Remove one to be asked again before the next fill there."
        origins={trusted}
        onRemove={async (site) => {
          await removeTrustedSite(site);
          done(`Removed ${site}; you will be asked again.`);
        }}
      />
      <section aria-labelledby={`${id}-clip`}>
        <h2 id={`${id}-clip`}>Clipboard</h2>
        <label htmlFor={`${id}-delay`}>Clear the copied HMAC Token after</label>
        <select
          id={`${id}-delay`}
          value={prefs.clipboardClearSeconds}
          onChange={(e) => {
            void updateSettings({ clipboardClearSeconds: Number(e.currentTarget.value) });
            done('Saved.');
          }}
        >
          {DELAYS.map((d) => (
            <option key={d.seconds} value={d.seconds}>
              {d.label}
            </option>
          ))}
        </select>
        <p className="hint">
          We never read your clipboard, so after the delay it is emptied even if you copied something else since.
        </p>
      </section>
      <section aria-labelledby={`${id}-mem`}>
        <h2 id={`${id}-mem`}>Memory</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={prefs.rememberApiKey}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void setRemember(on);
              done(on ? 'The Access Key ID you type next will be remembered.' : 'Forgotten.');
            }}
          />
          Remember Access Key ID (never the secret)
        </label>
        <p className="hint">
          What you type in the popup is kept for at most 10 minutes in memory (storage.session), so closing the popup
          loses nothing. The Secret Access Key is never written to disk.
        </p>
      </section>
      <p className="status success" role="status" aria-live="polite">
        {saved}
      </p>
    </main>
  );
}
