// Unit-test setup: browser.i18n over the real English catalogue (WXT's fakeBrowser does not implement it).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './i18n-fake';

fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
