/** The resident script's words: messages `resident.*` in lib/i18n/locales (one home for every word). */
export type ResidentWord = 'send' | 'more' | 'loadFailed';

/** The part of the browser's `i18n` namespace the resident reads. */
export type ResidentI18n = { getMessage(name: string): string };

/**
 * The resident's words from the browser, read on first use: the script cannot carry `lib/i18n` (it reaches no
 * package), and a page that is no issue or PR never touches `i18n` at all.
 */
export const residentWords =
  (i18n: () => ResidentI18n | undefined) =>
  (word: ResidentWord): string =>
    i18n()?.getMessage(`resident_${word}`) ?? '';
