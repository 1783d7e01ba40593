import * as z from 'zod/mini';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { eachItem } from '@/lib/schema/each';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** Records as stored: each is checked on its own, so one that no longer parses is dropped, never the rest. */
const readableRecordsSchema = eachItem(conversationRecordSchema);

/** Version 1 (until issue 11): the records in a hand-rolled versioned wrapper. */
const storedV1Schema = z.object({ schemaVersion: z.literal(1), records: z.array(z.unknown()) });

/**
 * Version 1 → 2: unwraps the records, as they are (each is checked when read). An array is already version
 * 2 (written after a migration that could not record its version); anything else had no readable records.
 */
export function conversationsV2(stored: unknown): unknown[] {
  if (Array.isArray(stored)) return stored;
  const v1 = storedV1Schema.safeParse(stored);
  return v1.success ? v1.data.records : [];
}

const RENAMED_STATES: Record<string, string> = { idle: 'stopped' };
const renamed = (state: unknown) => (typeof state === 'string' ? (RENAMED_STATES[state] ?? state) : state);

/**
 * Version 2 → 3 (issue 12): the state `idle` became `stopped` (in `state` and `notifiedState`), and records
 * learn the PRs their conversation lists (`pullNumbers`, none known yet) and whether they were found on the
 * server (`foundOnServer`: none were). Entries that are no records are kept as they are (reads drop them).
 */
export function conversationsV3(stored: unknown): unknown[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((record) => {
    if (typeof record !== 'object' || record === null) return record;
    const r = record as Record<string, unknown>;
    return {
      ...r,
      state: renamed(r.state),
      notifiedState: renamed(r.notifiedState),
      pullNumbers: Array.isArray(r.pullNumbers) ? r.pullNumbers : [],
      foundOnServer: r.foundOnServer === true,
    };
  });
}

/**
 * `local:conversations`, version 3: the records of the conversations this extension started. The background
 * is their only writer (lib/background/records/conversation-store.ts keeps them sorted and capped, one change at a
 * time).
 */
export const conversationsItem = defineStoredItem('local:conversations', {
  schema: readableRecordsSchema,
  fallback: [],
  version: 3,
  migrations: { 2: conversationsV2, 3: conversationsV3 },
});
