import { toOpenHandsError } from '@/lib/api/errors';
import { type ConnectionDeps, withConnection } from '@/lib/background/connection';
import { loadConversations, updateConversations } from '@/lib/background/conversation-store';
import { fetchUpdates, type RecordUpdate } from '@/lib/background/fetch-updates';
import { keepPolling, NOTIFY_STATES, nextPollAt } from '@/lib/background/poll-schedule';
import { loadSettings } from '@/lib/background/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';

export interface PollDeps extends ConnectionDeps {
  now(): Date;
  /** Shows a notification for a record that reached a state worth one (finished, error, …). */
  notify(record: ConversationRecord): Promise<void>;
  /** Called with every record after each poll, e.g. to update the toolbar badge. */
  onRecords(records: ConversationRecord[]): Promise<void>;
}

/** After a failed poll, wait this long before asking again (unless the server said how long). */
export const ERROR_BACKOFF_MS = 30_000;

/** Applies what the server said, tracking when the state last changed and whether to keep polling. */
export function applyUpdate(record: ConversationRecord, update: RecordUpdate, now: Date): ConversationRecord {
  const next = { ...record, ...update, lastPolledAt: now.toISOString() };
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
  const pollable = (await loadConversations()).filter((r) => r.polling && r.serverUrl === serverUrl);
  if (pollable.length === 0) return null;
  const due = pollable.filter((r) => nextPollAt(r) <= now.getTime());
  if (due.length > 0) {
    try {
      const updates = await withConnection(deps, ({ client }) => fetchUpdates(client, due));
      await saveUpdates(updates, deps);
    } catch (error) {
      const failure = toOpenHandsError(error);
      if (failure.code === 'no_key' || failure.code === 'unauthorized') return null;
      return (failure.retryAfterSeconds ?? 0) * 1000 || ERROR_BACKOFF_MS;
    }
  }
  const still = (await loadConversations()).filter((r) => r.polling && r.serverUrl === serverUrl);
  if (still.length === 0) return null;
  return Math.max(1_000, Math.min(...still.map(nextPollAt)) - deps.now().getTime());
}

async function saveUpdates(updates: Map<string, RecordUpdate>, deps: PollDeps) {
  const now = deps.now();
  const toNotify: ConversationRecord[] = [];
  const records = await updateConversations((records) => {
    const next = records.map((record) => {
      const update = updates.get(record.id);
      if (!update) return record;
      const updated = applyUpdate(record, update, now);
      if (NOTIFY_STATES.has(updated.state) && updated.notifiedState !== updated.state) {
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
