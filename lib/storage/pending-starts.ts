import * as z from 'zod/mini';
import { startInputSchema } from '@/lib/conversations/start-input';
import { eachEntry } from '@/lib/schema/each';
import { storedOriginSchema } from '@/lib/server/origin-schema';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** A start whose POST may have left: recorded before it leaves, so a worker stopped meanwhile loses nothing. */
export const pendingStartSchema = z.object({
  input: startInputSchema,
  /** The server it was sent to. */
  serverUrl: storedOriginSchema,
  /** When it was recorded (just before the POST). */
  at: z.string(),
  /** The record it became, once known; null while its outcome is unknown. */
  recordId: z.nullable(z.string()),
});
export type PendingStart = z.infer<typeof pendingStartSchema>;

/** By request id (the page's id for one click). Entries are checked one by one: a bad one never loses the rest. */
const pendingStartsSchema = eachEntry(pendingStartSchema);

/**
 * `session:pendingStarts`, version 1: the starts of the last few minutes by request id, written by the
 * background before each start's POST and given its record once it is known (lib/background/starts/starts.ts).
 * In the session area: it outlives the service worker (which the browser stops at any moment) but not the
 * browser, and content scripts cannot read it.
 */
export const pendingStartsItem = defineStoredItem('session:pendingStarts', {
  schema: pendingStartsSchema,
  fallback: {},
  version: 1,
});
