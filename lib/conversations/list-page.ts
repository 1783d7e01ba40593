import { type ConversationListItem, itemFromRecord } from '@/lib/conversations/list-item';
import { mergeConversations, newestFirst, type ServerPage } from '@/lib/conversations/merge';
import type { ConversationRecord } from '@/lib/conversations/record';
import { normaliseServerUrl } from '@/lib/server/origin';

/**
 * One page of the popup's list: the records of conversations started here on `serverUrl`, merged with a page
 * of the server's list; for the first page without one (the server could not be asked), the records alone.
 * The background answers with it, and the popup rebuilds the first page with it from storage whenever the
 * records or the cached server page change.
 */
export function listPageItems(
  records: readonly ConversationRecord[],
  serverUrl: string,
  page: ServerPage | null,
): ConversationListItem[] {
  const wanted = normaliseServerUrl(serverUrl);
  const local = records
    .filter((record) => normaliseServerUrl(record.serverUrl) === wanted)
    .map(itemFromRecord);
  return page ? mergeConversations(local, page) : newestFirst(local);
}
