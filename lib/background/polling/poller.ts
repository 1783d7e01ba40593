import { type ConnectionDeps, withConnection } from '@/lib/background/connection';
import { loadConversations, updateConversations } from '@/lib/background/conversation-store';
import { fetchUpdates, type RecordUpdate } from '@/lib/background/polling/fetch-updates';
import { afterFailedPoll, keepPolling, nextPollAt } from '@/lib/background/polling/policy';
import { loadSettings } from '@/lib/background/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isFinalState, isNotifyState } from '@/lib/conversations/state';
import { toOpenHandsError } from '@/lib/errors/error';

export interface PollDeps extends ConnectionDeps {
  now(): Date;
  /** Shows a notification for a record that reached a state worth one (finished, error, …). */
  notify(record: ConversationRecord): Promise<void>;
  /** Called with every record after each poll, e.g. to update the toolbar badge. */
  onRecords(records: ConversationRecord[]): Promise<void>;
}

/** Applies what the server said, tracking when the state last changed and whether to keep polling. */
export function applyUpdate(record: ConversationRecord, update: RecordUpdate, now: Date): ConversationRecord {
  const next = { ...record, ...update, lastPolledAt: now.toISOString(), pollFailure: null };
  if (next.state !== record.state || next.startStatus !== record.startStatus)
    next.updatedAt = now.toISOString();
  next.polling = keepPolling(next, now.getTime());
  return next;
}

/** Polls the records that are due. Returns the delay until the next poll, or null when nothing needs one. */
export async function pollOnce(deps: PollDeps): Promise<number | null> {
  const now = deps.now();
  const { serverUrl } = await loadSettings();
  // Records of another server cannot be polled with this server's key; they wait until it is back.
  const isPollable = (r: ConversationRecord) => r.polling && r.serverUrl === serverUrl;
  const pollable = (await loadConversations()).filter(isPollable);
  if (pollable.length === 0) return null;
  const due = pollable.filter((r) => nextPollAt(r) <= now.getTime());
  if (due.length > 0) {
    try {
      const updates = await withConnection(deps, ({ client }) => fetchUpdates(client, due));
      await saveUpdates(updates, deps);
    } catch (error) {
      const failure = toOpenHandsError(error);
      // Asking again cannot help until the user fixes the key; saving settings or a new start polls again.
      if (failure.code === 'no_key' || failure.code === 'unauthorized') return null;
      await saveFailure(isPollable, (failure.retryAfterSeconds ?? 0) * 1000, deps);
    }
  }
  const still = (await loadConversations()).filter(isPollable);
  if (still.length === 0) return null;
  return Math.max(1_000, Math.min(...still.map(nextPollAt)) - deps.now().getTime());
}

/**
 * Polls the records `ids` names that are due and not final, with one batch call (a page showing them: an
 * item's status control polls while visible even what the background stopped polling, e.g. a paused
 * conversation unchanged for a day). Due-ness is shared with `pollOnce`, so two callers never double up.
 */
export async function pollRecords(ids: readonly string[], deps: PollDeps): Promise<void> {
  const now = deps.now();
  const { serverUrl } = await loadSettings();
  const wanted = new Set(ids);
  const isWanted = (r: ConversationRecord) =>
    wanted.has(r.id) && r.serverUrl === serverUrl && !isFinalState(r.state);
  const due = (await loadConversations()).filter((r) => isWanted(r) && nextPollAt(r) <= now.getTime());
  if (due.length === 0) return;
  try {
    const updates = await withConnection(deps, ({ client }) => fetchUpdates(client, due));
    await saveUpdates(updates, deps);
  } catch (error) {
    const failure = toOpenHandsError(error);
    if (failure.code === 'no_key' || failure.code === 'unauthorized') return;
    await saveFailure(isWanted, (failure.retryAfterSeconds ?? 0) * 1000, deps);
  }
}

/**
 * The server failed us: every record waiting on it backs off, so they come due together again and no call
 * goes out before its `Retry-After`.
 */
async function saveFailure(
  isPollable: (r: ConversationRecord) => boolean,
  retryAfterMs: number,
  deps: PollDeps,
) {
  const now = deps.now().getTime();
  const records = await updateConversations((records) => {
    const next = records.map((r) => (isPollable(r) ? afterFailedPoll(r, now, retryAfterMs) : r));
    return { records: next, result: next };
  });
  // Records that became "Status unknown" leave the badge.
  await deps.onRecords(records);
}

async function saveUpdates(updates: Map<string, RecordUpdate>, deps: PollDeps) {
  const now = deps.now();
  const toNotify: ConversationRecord[] = [];
  const records = await updateConversations((records) => {
    const next = records.map((record) => {
      const update = updates.get(record.id);
      if (!update) return record;
      const updated = applyUpdate(record, update, now);
      if (isNotifyState(updated.state) && updated.notifiedState !== updated.state) {
        updated.notifiedState = updated.state;
        toNotify.push(updated);
      }
      return updated;
    });
    return { records: next, result: next };
  });
  await deps.onRecords(records);
  for (const record of toNotify) await deps.notify(record);
}
