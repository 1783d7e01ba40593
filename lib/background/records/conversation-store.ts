import { trimFound } from '@/lib/conversations/item-index';
import type { ConversationRecord } from '@/lib/conversations/record';
import { sameId } from '@/lib/openhands/ids';
import { conversationsItem } from '@/lib/storage/conversations';

/** Only the newest records started here are kept; the server's list covers older ones. */
export const MAX_RECORDS = 200;

/**
 * Newest first: at most MAX_RECORDS started here, and apart from them at most MAX_FOUND_RECORDS found on the
 * server (so adopting found ones never pushes out a conversation started here).
 */
function normalise(records: ConversationRecord[]): ConversationRecord[] {
  const sorted = [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const started = new Set(sorted.filter((r) => !r.foundOnServer).slice(0, MAX_RECORDS));
  return trimFound(sorted.filter((r) => r.foundOnServer || started.has(r)));
}

export async function loadConversations(): Promise<ConversationRecord[]> {
  return normalise(await conversationsItem.getValue());
}

async function save(records: ConversationRecord[]): Promise<void> {
  await conversationsItem.setValue(normalise(records));
}

// Serialises read-modify-write cycles: the poller and message handlers run concurrently in one worker.
let queue: Promise<unknown> = Promise.resolve();

/** Applies `change` to the stored list atomically (within this worker) and returns its result. */
export function updateConversations<T>(
  change: (records: ConversationRecord[]) => { records: ConversationRecord[]; result: T },
): Promise<T> {
  const run = queue.then(async () => {
    const { records, result } = change(await loadConversations());
    await save(records);
    return result;
  });
  queue = run.catch(() => {});
  return run;
}

/** Inserts or replaces one record by id. */
export function upsertConversation(record: ConversationRecord): Promise<ConversationRecord> {
  return updateConversations((records) => ({
    records: [record, ...records.filter((r) => r.id !== record.id)],
    result: record,
  }));
}

export async function getConversation(id: string): Promise<ConversationRecord | null> {
  return (await loadConversations()).find((r) => r.id === id) ?? null;
}

/** The record a page names by its id, its conversation id or its start task's id (any case, dashes or not). */
export async function findConversation(ref: string): Promise<ConversationRecord | null> {
  const ids = (r: ConversationRecord) => [r.id, r.taskId, r.conversationId].filter((id) => id !== null);
  return (await loadConversations()).find((r) => ids(r).some((id) => sameId(id, ref))) ?? null;
}
