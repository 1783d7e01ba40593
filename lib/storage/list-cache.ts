import * as z from 'zod/mini';
import { conversationListItemsSchema } from '@/lib/conversations/list-item';
import {
  type ConversationListReply,
  conversationListReplySchema,
  listPageItems,
} from '@/lib/conversations/list-page';
import type { ConversationRecord } from '@/lib/conversations/record';
import { storedOriginSchema } from '@/lib/server/origin-schema';
import { defineStoredItem } from '@/lib/storage/stored-item';

/**
 * The popup's list as last known. The background is its only writer; the popup reads it to paint at once,
 * before the service worker wakes up or the server answers, and follows it while open. It holds titles and states, never keys (the API
 * schemas drop `session_api_key`). It belongs to one server and one key (another key may be another
 * account): the background clears it whenever either changes and reuses it only for both.
 */
const listCacheSchema = z.object({
  serverUrl: storedOriginSchema,
  /** `keyFingerprint` of the key the list was fetched with (never the key); null without a key. */
  keyId: z.nullable(z.string()),
  /** The server's first page as fetched, merged again with fresh local records on each answer. */
  server: z.nullable(
    z.object({
      items: conversationListItemsSchema,
      nextPageId: z.nullable(z.string()),
      fetchedAt: z.string(),
    }),
  ),
  /** The last first-page answer, as the popup showed it. */
  reply: conversationListReplySchema,
});
export type ListCache = z.infer<typeof listCacheSchema>;

/**
 * Version 1 → 2: drops the hand-rolled `schemaVersion: 2` of the caches stored before issue 11. Older caches
 * (hand-rolled version 1, keyed by server only: whose account they are is unknown) are left to fail to parse,
 * so they read as no cache and are overwritten by the next answer.
 */
export function listCacheV2(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || !('schemaVersion' in stored)) return stored;
  const { schemaVersion, ...cache } = stored;
  return schemaVersion === 2 ? cache : stored;
}

/** `local:conversationListCache`, version 2: the cache itself, or nothing. */
export const listCacheItem = defineStoredItem('local:conversationListCache', {
  schema: z.nullable(listCacheSchema),
  fallback: null,
  version: 2,
  migrations: { 2: listCacheV2 },
});

/** Whose list it is: the server and the key it was fetched with. */
export type ListOwner = Pick<ListCache, 'serverUrl' | 'keyId'>;

export const sameOwner = (a: ListOwner, b: ListOwner) => a.serverUrl === b.serverUrl && a.keyId === b.keyId;

/** The cache, or null when there is none or it no longer parses (then it is simply rebuilt). */
export function readListCache(): Promise<ListCache | null> {
  return listCacheItem.getValue();
}

/** The last first-page answer, as it was sent. */
export async function readCachedReply(): Promise<ConversationListReply | null> {
  return (await readListCache())?.reply ?? null;
}

/**
 * The first page as the cache and the records say now: the cached server page merged again with the records,
 * which the background updates between two fetches of the server's list (a start's stage, a new start).
 */
export function cachedReply(cache: ListCache, records: readonly ConversationRecord[]): ConversationListReply {
  return { ...cache.reply, items: listPageItems(records, cache.serverUrl, cache.server) };
}

export async function writeListCache(cache: ListCache): Promise<void> {
  await listCacheItem.setValue(cache);
}

/** Forgets the list: the server or the key changed, so it may be another account's. */
export async function clearListCache(): Promise<void> {
  await listCacheItem.removeValue();
}
