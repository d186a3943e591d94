/**
 * Every user-facing string comes from the browser's locale files (`public/_locales/<lang>/messages.json`, English
 * complete), through `t()`. Keys are typed from the English catalogue, so a missing key fails the typecheck.
 * Substitutions are passed in the order their placeholders first appear in the English message.
 */
import { browser } from 'wxt/browser';
import type catalogue from '@/public/_locales/en/messages.json';

export type MessageKey = keyof typeof catalogue;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // An unknown key comes back as the key itself, never as an empty label.
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
