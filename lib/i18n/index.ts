import { browser } from '@wxt-dev/browser';
import { i18n } from '#i18n';

/**
 * The one way to words the user reads: `t('popup.refresh')`, from lib/i18n/locales/<language>.yml through the
 * browser's `i18n.getMessage` (so the language is the browser's). Typed by the English file: a key that is
 * not there does not compile. The resident script reads its three words itself (lib/content/resident/words.ts).
 */
export const t = i18n.t;

/** The browser's interface language, which the words are in: numbers and dates follow it too. */
export const uiLocale = (): string => {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
};

/** A count as the user's language writes it ("1,234", "1.234"). */
export const formatNumber = (value: number): string => value.toLocaleString(uiLocale());
