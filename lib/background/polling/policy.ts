import type { ConversationRecord } from '@/lib/conversations/record';
import { type ConversationState, isBusy, isFinalState } from '@/lib/conversations/state';

/** Starts change every few seconds; like the OpenHands web UI, ask every 3 s. */
export const STARTING_POLL_MS = 3_000;
/** A working agent: often enough for a live badge, well inside Cloud's rate limits (one batch call). */
export const ACTIVE_POLL_MS = 10_000;
/** Waiting, idle or paused conversations change when the user acts in OpenHands. */
export const QUIET_POLL_MS = 60_000;
/** Conversations unchanged for this long are no longer polled. */
export const STOP_AFTER_IDLE_MS = 24 * 60 * 60 * 1000;
/** Failing polls wait twice as long each time, up to this. */
export const MAX_BACKOFF_MS = 5 * 60_000;
/** Conversations that could not be polled for this long are shown as "Status unknown" and no longer polled. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export function pollIntervalMs(state: ConversationState): number {
  if (state === 'starting') return STARTING_POLL_MS;
  if (state === 'running') return ACTIVE_POLL_MS;
  return QUIET_POLL_MS;
}

/**
 * How often the server's first page is fetched again while a popup follows the list: as often as its busiest
 * busy conversation would be polled; null when none is busy (then the list changes only when the user acts).
 */
export function listRefreshMs(states: readonly ConversationState[]): number | null {
  const busy = states.filter(isBusy);
  return busy.length > 0 ? Math.min(...busy.map(pollIntervalMs)) : null;
}

/** The wait after the `failures`-th failed poll in a row: the usual interval, doubled each time, capped. */
export function backoffMs(state: ConversationState, failures: number): number {
  return Math.min(pollIntervalMs(state) * 2 ** Math.max(0, failures - 1), MAX_BACKOFF_MS);
}

/** When the record should next be polled, in ms since the epoch. */
export function nextPollAt(record: ConversationRecord): number {
  if (record.pollFailure) return Date.parse(record.pollFailure.retryAt);
  if (!record.lastPolledAt) return 0;
  return Date.parse(record.lastPolledAt) + pollIntervalMs(record.state);
}

/** Whether polling should go on after this state was seen at `now`. */
export function keepPolling(record: Pick<ConversationRecord, 'state' | 'updatedAt'>, now: number): boolean {
  if (isFinalState(record.state)) return false;
  return now - Date.parse(record.updatedAt) < STOP_AFTER_IDLE_MS;
}

/**
 * A poll of the record's server failed at `now`. The record backs off (never sooner than the server's
 * `Retry-After`); after a day without a successful poll it becomes `unknown` and polling stops.
 */
export function afterFailedPoll(
  record: ConversationRecord,
  now: number,
  retryAfterMs = 0,
): ConversationRecord {
  const at = new Date(now).toISOString();
  const count = (record.pollFailure?.count ?? 0) + 1;
  const since = record.pollFailure?.since ?? at;
  if (now - Date.parse(since) >= GIVE_UP_AFTER_MS) {
    return { ...record, state: 'unknown', updatedAt: at, polling: false, pollFailure: null };
  }
  const wait = Math.max(backoffMs(record.state, count), retryAfterMs);
  const notBefore = retryAfterMs > 0 ? new Date(now + retryAfterMs).toISOString() : null;
  return { ...record, pollFailure: { count, since, retryAt: new Date(now + wait).toISOString(), notBefore } };
}

/** Whether the server asked (`Retry-After`) not to be asked about this record before now. */
export function heldBack(record: ConversationRecord, now: number): boolean {
  const notBefore = record.pollFailure?.notBefore;
  return notBefore !== null && notBefore !== undefined && Date.parse(notBefore) > now;
}

/**
 * The server answered again after polls of it failed: what was backing off comes due at once (a back-off grown
 * to minutes must not keep a start from showing), except where the server itself asked for a pause.
 */
export function afterServerBack(record: ConversationRecord, now: number): ConversationRecord {
  if (!record.pollFailure || heldBack(record, now) || Date.parse(record.pollFailure.retryAt) <= now)
    return record;
  return { ...record, pollFailure: { ...record.pollFailure, retryAt: new Date(now).toISOString() } };
}
