import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './i18n';

/*
 * Unit tests read the English words (what the browser gives an English user): WXT's fake browser leaves
 * `i18n` unimplemented. A test of another language swaps `getMessage` itself (tests/unit/lib/i18n).
 */
const english = getMessageFrom(await chromeMessages('en'));
fakeBrowser.i18n.getMessage = english as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en';
