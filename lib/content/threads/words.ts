import type { ResidentI18n } from '@/lib/content/resident/words';

/** The thread button's words: its label and its description. */
export type ThreadWord = 'ask' | 'askDescription';

/** Where they live in lib/i18n/locales: the preset's own words (lib/prompts/review-thread-message.ts). */
const MESSAGES: Record<ThreadWord, string> = {
  ask: 'presets_askThread_label',
  askDescription: 'presets_askThread_description',
};

/** The words from the browser's `i18n`, without the i18n module (this bundle stays as small as the resident). */
export const threadWords =
  (i18n: () => ResidentI18n | undefined) =>
  (word: ThreadWord): string =>
    i18n()?.getMessage(MESSAGES[word]) ?? '';
