import { z } from 'zod';
import { storage } from '#imports';
import { conversationListItemSchema } from '@/lib/conversations/list-item';
import { type ConversationListReply, conversationListReplySchema } from '@/lib/messages';

/**
 * The popup's list as last known, in `storage.local`. The background is its only writer; the popup reads it
 * to paint at once, before the service worker wakes up or the server answers. It holds titles and states,
 * never keys (the API schemas drop `session_api_key`). It belongs to one server and one key (another key
 * may be another account): the background clears it whenever either changes and reuses it only for both.
 */
const listCacheSchema = z.object({
  /** 2: keyed by key as well as server. Version 1 caches (server only) no longer parse, so are dropped. */
  schemaVersion: z.literal(2),
  serverUrl: z.string(),
  /** `keyFingerprint` of the key the list was fetched with (never the key); null without a key. */
  keyId: z.string().nullable(),
  /** The server's first page as fetched, merged again with fresh local records on each answer. */
  server: z
    .object({
      items: z.array(conversationListItemSchema),
      nextPageId: z.string().nullable(),
      fetchedAt: z.string(),
    })
    .nullable(),
  /** The last first-page answer, as the popup showed it. */
  reply: conversationListReplySchema,
});
export type ListCache = z.infer<typeof listCacheSchema>;

/** Whose list it is: the server and the key it was fetched with. */
export type ListOwner = Pick<ListCache, 'serverUrl' | 'keyId'>;

export const sameOwner = (a: ListOwner, b: ListOwner) => a.serverUrl === b.serverUrl && a.keyId === b.keyId;

const listCacheItem = storage.defineItem<unknown>('local:conversationListCache', { fallback: null });

/** The cache, or null when there is none or it no longer parses (then it is simply rebuilt). */
export async function readListCache(): Promise<ListCache | null> {
  const parsed = listCacheSchema.safeParse(await listCacheItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** The last first-page answer, for the popup's first paint. */
export async function readCachedReply(): Promise<ConversationListReply | null> {
  return (await readListCache())?.reply ?? null;
}

export async function writeListCache(cache: Omit<ListCache, 'schemaVersion'>): Promise<void> {
  await listCacheItem.setValue({ schemaVersion: 2, ...cache });
}

/** Forgets the list: the server or the key changed, so it may be another account's. */
export async function clearListCache(): Promise<void> {
  await listCacheItem.removeValue();
}
