import { t } from '@/lib/i18n';

/**
 * Gives an extension page its title in the user's language, and the language its words are in (`lang`, so
 * screen readers pronounce them right). The page's HTML keeps the English title for the first paint.
 */
export function setPageWords(title: string): void {
  document.title = title;
  document.documentElement.lang = t('shared.languageTag');
}
