import * as z from 'zod/mini';
import {
  type ConversationListItem,
  conversationListItemsSchema,
  itemFromRecord,
} from '@/lib/conversations/list-item';
import { mergeConversations, newestFirst, type ServerPage } from '@/lib/conversations/merge';
import type { ConversationRecord } from '@/lib/conversations/record';
import { messageErrorSchema } from '@/lib/errors/error';
import type { ServerOrigin } from '@/lib/server/origin';
import { storedOriginSchema } from '@/lib/server/origin-schema';

/**
 * One page of the popup's list: the records of conversations started here on `serverUrl`, merged with a page
 * of the server's list; for the first page without one (the server could not be asked), the records alone.
 * The background answers with it, and the popup rebuilds the first page with it from storage whenever the
 * records or the cached server page change.
 */
export function listPageItems(
  records: readonly ConversationRecord[],
  serverUrl: ServerOrigin,
  page: ServerPage | null,
): ConversationListItem[] {
  const local = records.filter((record) => record.serverUrl === serverUrl).map(itemFromRecord);
  return page ? mergeConversations(local, page) : newestFirst(local);
}

/** The popup's list as the background answers it (`conversation.list`) and keeps it (the list cache). */
export const conversationListReplySchema = z.object({
  /** The configured server, for links such as "Open OpenHands". */
  serverUrl: storedOriginSchema,
  /** Newest first: local records merged with one page of the server's list (checked row by row). */
  items: conversationListItemsSchema,
  /** Pass back as `pageId` for older conversations; null on the last page. */
  nextPageId: z.nullable(z.string()),
  /** When the server's part of `items` was fetched; null when it could not be. Older when served from cache. */
  fetchedAt: z.nullable(z.string()),
  /** Why the server could not be asked (`no_key`, `unauthorized`, `offline`…); `items` are then local or cached. */
  serverError: z.optional(messageErrorSchema),
});
export type ConversationListReply = z.infer<typeof conversationListReplySchema>;
