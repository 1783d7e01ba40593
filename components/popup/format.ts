import type { ConversationListItem } from '@/lib/conversations/list-item';
import { t, uiLocale } from '@/lib/i18n';

/** `owner/repo#42` for the issue or PR a conversation came from, else null. */
export function reference(
  item: Pick<ConversationListItem, 'repository' | 'source' | 'prNumber'>,
): string | null {
  const number = item.source?.number ?? item.prNumber;
  if (number == null) return null;
  return item.repository ? `${item.repository}#${number}` : `#${number}`;
}

/** The row's name: its title, or while untitled the issue/PR reference, the repository, or a fallback. */
export function displayTitle(
  item: Pick<ConversationListItem, 'title' | 'repository' | 'source' | 'prNumber'>,
) {
  return item.title?.trim() || reference(item) || item.repository || t('popup.untitled');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// In the language of the popup's words (the browser's), made once for it.
let relative: { locale: string; formatter: Intl.RelativeTimeFormat } | undefined;
function relativeFormatter(): Intl.RelativeTimeFormat {
  const locale = uiLocale();
  if (relative?.locale !== locale) {
    relative = { locale, formatter: new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }) };
  }
  return relative.formatter;
}

/**
 * "5 minutes ago", "yesterday", "just now"; null for a time that can't be read.
 * @example relativeTime('2026-11-28T10:00:00Z', new Date('2026-11-28T10:05:00Z')) // '5 minutes ago'
 */
export function relativeTime(iso: string, now: Date): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const seconds = Math.round((ms - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return t('popup.justNow');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'minute') {
      return relativeFormatter().format(Math.round(seconds / size) || Math.sign(seconds), unit);
    }
  }
  return null;
}

/** The full date and time, for the tooltip (in the browser's language unless told otherwise). */
export function exactTime(iso: string, locale: string = uiLocale()): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** Conversations on one repository (GitHub names are case-insensitive). */
export function inRepository<T extends Pick<ConversationListItem, 'repository'>>(
  items: readonly T[],
  repository: string,
): T[] {
  const wanted = repository.toLowerCase();
  return items.filter((item) => item.repository?.toLowerCase() === wanted);
}
