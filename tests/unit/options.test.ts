import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { copiedText } from '@/utils/messages';
import { addOrigin, removeOrigin, setRemember } from '@/utils/options-actions';
import { parseOriginInput } from '@/utils/origins';
import { lastPassportalHost, rememberedKey, settings } from '@/utils/storage';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('parseOriginInput', () => {
  it.each([
    ['https://connect.example.com', 'https://connect.example.com'],
    ['https://Connect.Example.com/', 'https://connect.example.com'],
    ['connect.example.com', 'https://connect.example.com'],
    ['https://connect.example.com:8443', 'https://connect.example.com:8443'],
  ])('%s → %s', (input, origin) => {
    expect(parseOriginInput(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', 'empty'],
    ['http://connect.example.com', 'not-https'],
    ['https://connect.example.com/x', 'has-path'],
    ['https://connect.example.com/?a=1', 'has-path'],
    ['https://u:p@connect.example.com', 'userinfo'],
    ['https://localhost', 'invalid-host'],
    ['https://10.0.0.1', 'invalid-host'],
    ['https://[::1]', 'invalid-host'],
    ['https://connect.nango.dev', 'built-in'],
  ])('%j is refused as %s', (input, error) => {
    expect(parseOriginInput(input, ['https://connect.nango.dev'])).toEqual({ ok: false, error });
  });
});

describe('options actions', () => {
  it('adds an origin only when the browser grants its host permission', async () => {
    const request = vi
      .spyOn(browser.permissions, 'request')
      .mockResolvedValueOnce(false as never)
      .mockResolvedValueOnce(true as never);
    expect(await addOrigin('extraConnectOrigins', 'https://connect.example.com')).toMatch(/did not grant access/);
    expect((await settings.getValue()).extraConnectOrigins).toEqual([]);
    expect(await addOrigin('extraConnectOrigins', 'https://connect.example.com')).toBeNull();
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://connect.example.com/*'] });
    expect((await settings.getValue()).extraConnectOrigins).toEqual(['https://connect.example.com']);
  });

  it('never asks for a permission for invalid input', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    expect(await addOrigin('extraConnectOrigins', 'http://x.example.com')).toBe(
      'Only https:// addresses are supported.',
    );
    expect(await addOrigin('extraPassportalOrigins', 'https://acme.passportalmsp.com')).toMatch(/already supported/);
    expect(request).not.toHaveBeenCalled();
  });

  it('gives the permission back on removal unless the other list still uses it', async () => {
    const remove = vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    await settings.setValue({
      ...(await settings.getValue()),
      extraConnectOrigins: ['https://a.example.com', 'https://b.example.com'],
      extraPassportalOrigins: ['https://b.example.com'],
    });
    await removeOrigin('extraConnectOrigins', 'https://a.example.com');
    expect(remove).toHaveBeenCalledWith({ origins: ['https://a.example.com/*'] });
    await removeOrigin('extraConnectOrigins', 'https://b.example.com');
    expect(remove).toHaveBeenCalledTimes(1);
    expect((await settings.getValue()).extraConnectOrigins).toEqual([]);
  });

  it('forgets the Base URL remembered from a custom Passportal domain when that domain is removed', async () => {
    vi.spyOn(browser.permissions, 'remove').mockResolvedValue(true as never);
    await settings.setValue({
      ...(await settings.getValue()),
      extraPassportalOrigins: ['https://other.example.com', 'https://vault.example.com'],
    });
    await lastPassportalHost.setValue({ host: 'vault.example.com', seenAt: 1 });
    await removeOrigin('extraPassportalOrigins', 'https://other.example.com');
    expect(await lastPassportalHost.getValue()).toEqual({ host: 'vault.example.com', seenAt: 1 });
    await removeOrigin('extraPassportalOrigins', 'https://vault.example.com');
    expect(await lastPassportalHost.getValue()).toBeNull();
    // A Connect origin on the same host is a different list: it leaves the remembered Base URL alone.
    await lastPassportalHost.setValue({ host: 'vault.example.com', seenAt: 2 });
    await settings.setValue({ ...(await settings.getValue()), extraConnectOrigins: ['https://vault.example.com'] });
    await removeOrigin('extraConnectOrigins', 'https://vault.example.com');
    expect(await lastPassportalHost.getValue()).toEqual({ host: 'vault.example.com', seenAt: 2 });
  });

  it('turning "Remember Access Key ID" off forgets the key at once', async () => {
    await rememberedKey.setValue({ apiKey: 'k', content: 'c' });
    await setRemember(false);
    expect(await rememberedKey.getValue()).toBeNull();
    expect((await settings.getValue()).rememberApiKey).toBe(false);
  });

  it('says when the clipboard will be cleared', () => {
    expect(copiedText(60)).toBe('Copied the HMAC Token. The clipboard will be cleared in 1 min.');
    expect(copiedText(45)).toBe('Copied the HMAC Token. The clipboard will be cleared in 45 s.');
    expect(copiedText(0)).toBe('Copied the HMAC Token to the clipboard.');
  });
});
