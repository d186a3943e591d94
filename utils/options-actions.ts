/**
 * What the options page does: extra origins with their runtime host permissions, trusted sites, preferences.
 * Adding an origin asks the browser for its host permission first (that must happen inside the click), and
 * removing it gives the permission back; the background re-registers the Connect script on every change.
 */
import { browser } from 'wxt/browser';
import { t } from './i18n';
import { originErrorText } from './messages';
import { CONNECT_ORIGINS, parseOriginInput } from './origins';
import { lastPassportalHost, rememberedKey, type Settings, settings, trustedSites } from './storage';

export type OriginKind = 'extraConnectOrigins' | 'extraPassportalOrigins';

export async function addOrigin(kind: OriginKind, text: string): Promise<string | null> {
  const builtIn = kind === 'extraConnectOrigins' ? [...CONNECT_ORIGINS] : [];
  const parsed = parseOriginInput(text, builtIn);
  if (!parsed.ok) return originErrorText(parsed.error);
  if (kind === 'extraPassportalOrigins' && /\.passportalmsp\.com$/.test(new URL(parsed.origin).hostname)) {
    return t('originPassportalBuiltIn');
  }
  // Called first, while the click is still a user gesture.
  const granted = await browser.permissions.request({ origins: [`${parsed.origin}/*`] });
  if (!granted) return t('originNotGranted', parsed.origin);
  const current = await settings.getValue();
  if (!current[kind].includes(parsed.origin)) {
    await settings.setValue({ ...current, [kind]: [...current[kind], parsed.origin].sort() });
  }
  return null;
}

export async function removeOrigin(kind: OriginKind, origin: string): Promise<void> {
  const current = await settings.getValue();
  await settings.setValue({ ...current, [kind]: current[kind].filter((o) => o !== origin) });
  const other: OriginKind = kind === 'extraConnectOrigins' ? 'extraPassportalOrigins' : 'extraConnectOrigins';
  // Keep the permission while the other list still needs the same origin.
  if (!current[other].includes(origin)) await browser.permissions.remove({ origins: [`${origin}/*`] });
  // The host remembered from a removed custom domain would otherwise keep pre-filling the popup's Base URL
  // ("Remembered from your last Passportal visit") although the user just took that domain away.
  if (kind === 'extraPassportalOrigins' && (await lastPassportalHost.getValue())?.host === new URL(origin).hostname) {
    await lastPassportalHost.removeValue();
  }
}

export async function removeTrustedSite(site: string): Promise<void> {
  await trustedSites.setValue((await trustedSites.getValue()).filter((s) => s !== site));
}

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  await settings.setValue({ ...(await settings.getValue()), ...patch });
}

/** The option itself; the key is remembered the next time the popup sees one. Off forgets it at once. */
export async function setRemember(on: boolean): Promise<void> {
  await updateSettings({ rememberApiKey: on });
  if (!on) await rememberedKey.removeValue();
}
