import { useCallback, useEffect, useMemo, useState } from 'react';
import { followList } from '@/components/popup/follow-list';
import { followStoredList, type StoredList } from '@/components/popup/stored-list';
import { useFollowedValue } from '@/components/shared/stored-value';
import type { ConversationListItem } from '@/lib/conversations/list-item';
import type { ConversationListReply } from '@/lib/conversations/list-page';
import { appendUnique } from '@/lib/conversations/merge';
import { isBusy } from '@/lib/conversations/state';
import type { MessageError } from '@/lib/errors/error';
import { ask } from '@/lib/protocol/ask';
import { cachedReply } from '@/lib/storage/list-cache';

export interface ConversationListState {
  /** The first page: as stored (the cache merged with the records), else as the background last answered. */
  reply: ConversationListReply | null;
  /** Every row: the first page, then older pages loaded with "Load more". */
  items: ConversationListItem[];
  nextPageId: string | null;
  refreshing: boolean;
  loadingMore: boolean;
  /** The background did not answer (it was reloaded, or crashed). */
  messageError: MessageError | null;
  /** Why the last "Load more" failed. */
  moreError: MessageError | null;
}

/**
 * The first page as stored, followed through `storage.onChanged`: the cached list merged with the records of
 * conversations started here. Null until both are read, or without a cache.
 */
function useStoredFirstPage(started?: StoredList): ConversationListReply | null {
  const [list] = useState(() => started ?? followStoredList());
  useEffect(() => () => list.stop(), [list]);
  const cache = useFollowedValue(list.cache);
  const records = useFollowedValue(list.records);
  return useMemo(() => (cache && records ? cachedReply(cache, records) : null), [cache, records]);
}

/**
 * The popup's list: paints the first page from storage at once (reading from `stored` when the page started
 * it before rendering), asks the background for a fresh one, then follows storage; while something listed
 * is busy it keeps a port open so the background refreshes the server's list (no timer here). Older pages
 * load on demand.
 */
export function useConversationList(started?: StoredList) {
  const stored = useStoredFirstPage(started);
  const [answer, setAnswer] = useState<ConversationListReply | null>(null);
  const [more, setMore] = useState<{ items: ConversationListItem[]; nextPageId: string | null } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [messageError, setMessageError] = useState<MessageError | null>(null);
  const [moreError, setMoreError] = useState<MessageError | null>(null);

  const load = useCallback(async () => {
    setRefreshing(true);
    const result = await ask({ type: 'conversation.list', refresh: true });
    setRefreshing(false);
    if (result.ok) {
      setAnswer(result.data);
      setMessageError(null);
    } else {
      setMessageError(result.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The background stores each answer in the cache too; the answer itself counts until it is stored (or
  // when it is not: the server or key changed meanwhile).
  const reply = stored ?? answer;

  const busy = reply?.items.some((item) => isBusy(item.state)) ?? false;
  useEffect(() => (busy ? followList() : undefined), [busy]);

  const nextPageId = more ? more.nextPageId : (reply?.nextPageId ?? null);

  const loadMore = useCallback(async () => {
    if (!nextPageId) return;
    setLoadingMore(true);
    const result = await ask({ type: 'conversation.list', pageId: nextPageId });
    setLoadingMore(false);
    if (!result.ok) {
      setMoreError(result.error);
      return;
    }
    setMoreError(result.data.serverError ?? null);
    setMore((previous) => ({
      items: appendUnique(previous?.items ?? [], result.data.items),
      nextPageId: result.data.nextPageId,
    }));
  }, [nextPageId]);

  const state: ConversationListState = {
    reply,
    items: appendUnique(reply?.items ?? [], more?.items ?? []),
    nextPageId,
    refreshing,
    loadingMore,
    messageError,
    moreError,
  };
  return { state, refresh: load, loadMore };
}
