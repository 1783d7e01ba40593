import type { ConversationRecord, ConversationState } from '@/lib/conversations/record';

/** Starts change every few seconds; the web UI polls every 3 s. */
export const STARTING_POLL_MS = 2_000;
/** A working agent: often enough for a live badge, well inside Cloud's rate limits (one batch call). */
export const ACTIVE_POLL_MS = 10_000;
/** Waiting, idle or paused conversations change when the user acts in OpenHands. */
export const QUIET_POLL_MS = 60_000;
/** Conversations unchanged for this long are no longer polled. */
export const STOP_AFTER_IDLE_MS = 24 * 60 * 60 * 1000;

/** States after which nothing more happens without the user. */
const FINAL_STATES: ReadonlySet<ConversationState> = new Set(['finished', 'error', 'archived', 'stuck']);

/** States worth a notification when a conversation reaches them. */
export const NOTIFY_STATES: ReadonlySet<ConversationState> = new Set([
  'finished',
  'error',
  'waiting_for_confirmation',
  'stuck',
]);

export function isFinalState(state: ConversationState): boolean {
  return FINAL_STATES.has(state);
}

export function pollIntervalMs(state: ConversationState): number {
  if (state === 'starting') return STARTING_POLL_MS;
  if (state === 'running') return ACTIVE_POLL_MS;
  return QUIET_POLL_MS;
}

/** When the record should next be polled, in ms since the epoch. */
export function nextPollAt(record: ConversationRecord): number {
  if (!record.lastPolledAt) return 0;
  return Date.parse(record.lastPolledAt) + pollIntervalMs(record.state);
}

/** Whether polling should go on after this state was seen at `now`. */
export function keepPolling(record: Pick<ConversationRecord, 'state' | 'updatedAt'>, now: number): boolean {
  if (isFinalState(record.state)) return false;
  return now - Date.parse(record.updatedAt) < STOP_AFTER_IDLE_MS;
}
