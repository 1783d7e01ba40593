import type { ItemConversation } from '@/lib/conversations/item';
import { isBusy, stateLabel } from '@/lib/conversations/state';
import type { PageKind } from '@/lib/forges/forge';

/*
 * What the status control and the caret menu say about an item's conversations, in words: pure functions of
 * the conversations (and the clock), so they are tested without a page.
 */

/** The state as the control shows it; a start says how far it got, e.g. "Starting: Preparing repository". */
export function conversationStateText(conversation: Pick<ItemConversation, 'state' | 'stage'>): string {
  const label = stateLabel(conversation.state);
  const stage = conversation.state === 'starting' ? conversation.stage?.trim() : '';
  return stage && stage !== label ? `${label}: ${stage}` : label;
}

/** What a conversation shows while polls of its server keep failing (issue 17). */
export const UNREACHABLE = 'Can’t reach OpenHands, retrying…';

/** A time of day in the browser's language, e.g. "13:05" or "1:05 PM"; `''` for a time that can't be read. */
export function timeOfDay(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(at);
}

/**
 * "Can't reach OpenHands, retrying… (last answer 13:05)" while polls keep failing, else null: the state shown
 * is the last one the server reported, and the user should know it may have moved on.
 */
export function retryingText(
  conversation:
    | Pick<ItemConversation, 'retrying' | 'lastAnswerAt'>
    | { retrying?: boolean; lastPolledAt: string | null },
): string | null {
  if (!conversation.retrying) return null;
  const last = 'lastAnswerAt' in conversation ? conversation.lastAnswerAt : conversation.lastPolledAt;
  const at = last ? timeOfDay(last) : '';
  return at ? `${UNREACHABLE} (last answer ${at})` : UNREACHABLE;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;

/** "just now", "3 min ago", "2 hours ago", "5 days ago", then the date; `''` for a time that can't be read. */
export function ageText(iso: string, now: Date): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const elapsed = Math.max(0, now.getTime() - at);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), 'hour');
  if (elapsed < 30 * DAY) return plural(Math.floor(elapsed / DAY), 'day');
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(at);
}

/** Starting or running: what the default button asks about before starting another. */
export function runningCount(conversations: readonly Pick<ItemConversation, 'state'>[]): number {
  return conversations.filter((conversation) => isBusy(conversation.state)).length;
}

const ITEM_NAMES: Record<PageKind, string> = { issue: 'issue', pull: 'pull request' };

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
  const what = `${count} conversation${count === 1 ? '' : 's'} for this ${ITEM_NAMES[kind]}`;
  return running > 0 ? `${what} — ${running} running` : what;
}

/** The confirm before starting another, e.g. "A conversation for this issue is already running." */
export function runningNotice(kind: PageKind, running: number): string {
  return running === 1
    ? `A conversation for this ${ITEM_NAMES[kind]} is already running.`
    : `${running} conversations for this ${ITEM_NAMES[kind]} are already running.`;
}

/** The PR's page, e.g. https://github.com/octo-org/hello-world/pull/7 */
export function pullUrl(repository: string, number: number): string {
  return `https://github.com/${repository}/pull/${number}`;
}
