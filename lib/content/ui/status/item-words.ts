import type { ItemConversation } from '@/lib/conversations/item';
import { isBusy, stateLabel } from '@/lib/conversations/state';
import type { PageKind } from '@/lib/forges/forge';
import { formatNumber, t, uiLocale } from '@/lib/i18n';

/*
 * What the status control and the caret menu say about an item's conversations, in words: pure functions of
 * the conversations (and the clock), so they are tested without a page.
 */

/** The state as the control shows it; a start says how far it got, e.g. "Starting: Preparing repository". */
export function conversationStateText(conversation: Pick<ItemConversation, 'state' | 'stage'>): string {
  const label = stateLabel(conversation.state);
  const stage = conversation.state === 'starting' ? conversation.stage?.trim() : '';
  return stage && stage !== label ? t('ui.status.stateStage', { state: label, stage }) : label;
}

/** A time of day in the browser's language, e.g. "13:05" or "1:05 PM"; `''` for a time that can't be read. */
export function timeOfDay(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' }).format(at);
}

/**
 * "Can’t reach OpenHands, retrying… (last answer 13:05)" while polls of its server keep failing (issue 17),
 * else null: the state shown is the last one the server reported, and the user should know it may have moved on.
 */
export function retryingText(
  conversation:
    | Pick<ItemConversation, 'retrying' | 'lastAnswerAt'>
    | { retrying?: boolean; lastPolledAt: string | null },
): string | null {
  if (!conversation.retrying) return null;
  const last = 'lastAnswerAt' in conversation ? conversation.lastAnswerAt : conversation.lastPolledAt;
  const at = last ? timeOfDay(last) : '';
  return at ? t('ui.status.unreachableSince', { time: at }) : t('ui.status.unreachable');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ago = (key: 'ui.status.minutesAgo' | 'ui.status.hoursAgo' | 'ui.status.daysAgo', count: number) =>
  t(key, count, [formatNumber(count)]);

/**
 * "just now", "3 min ago", "2 hours ago", "5 days ago", then the date (in the browser's language); `''` for a
 * time that can't be read.
 */
export function ageText(iso: string, now: Date): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const elapsed = Math.max(0, now.getTime() - at);
  if (elapsed < MINUTE) return t('ui.status.justNow');
  if (elapsed < HOUR) return ago('ui.status.minutesAgo', Math.floor(elapsed / MINUTE));
  if (elapsed < DAY) return ago('ui.status.hoursAgo', Math.floor(elapsed / HOUR));
  if (elapsed < 30 * DAY) return ago('ui.status.daysAgo', Math.floor(elapsed / DAY));
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(at);
}

/** Starting or running: what the default button asks about before starting another. */
export function runningCount(conversations: readonly Pick<ItemConversation, 'state'>[]): number {
  return conversations.filter((conversation) => isBusy(conversation.state)).length;
}

/**
 * The caret menu's line about the conversations there are already, e.g. "2 conversations for this issue — 1
 * running"; null when there are none.
 */
export function conversationsNote(
  kind: PageKind,
  conversations: readonly Pick<ItemConversation, 'state'>[],
): string | null {
  const count = conversations.length;
  if (count === 0) return null;
  const running = runningCount(conversations);
  const note =
    kind === 'issue'
      ? t('ui.status.noteIssue', count, [formatNumber(count)])
      : t('ui.status.notePull', count, [formatNumber(count)]);
  return running > 0 ? t('ui.status.noteRunning', running, [formatNumber(running)], { note }) : note;
}

/** The confirm before starting another, e.g. "A conversation for this issue is already running." */
export function runningNotice(kind: PageKind, running: number): string {
  return kind === 'issue'
    ? t('ui.status.runningIssue', running, [formatNumber(running)])
    : t('ui.status.runningPull', running, [formatNumber(running)]);
}

/** The PR's page, e.g. https://github.com/octo-org/hello-world/pull/7 */
export function pullUrl(repository: string, number: number): string {
  return `https://github.com/${repository}/pull/${number}`;
}
