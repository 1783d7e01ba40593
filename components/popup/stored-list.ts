import { type FollowedValue, followStoredValue } from '@/components/shared/stored-value';
import type { ConversationRecord } from '@/lib/conversations/record';
import { conversationsItem } from '@/lib/storage/conversations';
import { type ListCache, listCacheItem } from '@/lib/storage/list-cache';

/**
 * What the popup's first page is made of, as stored: the cached list (written by the background, which clears
 * it when the server or key changes, so it is always this server's and key's) and the records of the
 * conversations started here.
 */
export interface StoredList {
  cache: FollowedValue<ListCache | null>;
  records: FollowedValue<ConversationRecord[]>;
  stop(): void;
}

/** Starts reading and following the stored list: the popup starts it before React renders, to paint sooner. */
export function followStoredList(): StoredList {
  const cache = followStoredValue(listCacheItem);
  const records = followStoredValue(conversationsItem);
  return {
    cache,
    records,
    stop: () => {
      cache.stop();
      records.stop();
    },
  };
}
