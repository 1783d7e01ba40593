import { z } from 'zod';
import { storage } from '#imports';
import { conversationListItemSchema } from '@/lib/conversations/list-item';
import { type ConversationListReply, conversationListReplySchema } from '@/lib/messages';

/**
 * The popup's list as last known, in `storage.local`. The background is its only writer; the popup reads it
 * to paint at once, before the service worker wakes up or the server answers. It holds titles and states,
 * never keys (the API schemas drop `session_api_key`).
 */
const listCacheSchema = z.object({
  schemaVersion: z.literal(1),
  serverUrl: z.string(),
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
  await listCacheItem.setValue({ schemaVersion: 1, ...cache });
}
