import { z } from 'zod';
import { storage } from '#imports';
import { conversationsChanged } from '@/lib/background/conversation-changes';
import { type ConversationRecord, conversationRecordSchema } from '@/lib/conversations/record';

/** Only the newest records are kept; the server's list covers older ones. */
export const MAX_RECORDS = 200;

/** Version 1 of the stored shape. Add `v2` + a `migrate` step here when the shape changes. */
const storedV1Schema = z.object({ schemaVersion: z.literal(1), records: z.array(z.unknown()) });

const conversationsItem = storage.defineItem<unknown>('local:conversations', { fallback: null });

/**
 * Reads whatever is stored into current records. A record that no longer parses is dropped on its own,
 * so one bad entry never loses the rest.
 */
export function migrateStoredConversations(raw: unknown): ConversationRecord[] {
  const stored = storedV1Schema.safeParse(raw);
  if (!stored.success) return [];
  return stored.data.records.flatMap((record) => {
    const parsed = conversationRecordSchema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Newest first, at most MAX_RECORDS. */
function normalise(records: ConversationRecord[]): ConversationRecord[] {
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_RECORDS);
}

export async function loadConversations(): Promise<ConversationRecord[]> {
  return normalise(migrateStoredConversations(await conversationsItem.getValue()));
}

async function save(records: ConversationRecord[]): Promise<void> {
  await conversationsItem.setValue({ schemaVersion: 1, records: normalise(records) });
  conversationsChanged();
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
