import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationListItem } from '@/lib/conversations/list-item';
import { appendUnique } from '@/lib/conversations/merge';
import { isBusy } from '@/lib/conversations/state';
import type { MessageError } from '@/lib/errors/error';
import { type ConversationListReply, conversationListReplySchema } from '@/lib/messages';
import { sendMessage } from '@/lib/pages/send-message';
import { readCachedReply } from '@/lib/storage/list-cache';

/** While a row is starting or running, the list is asked for again this often. */
export const BUSY_REFRESH_MS = 3_000;

export interface ConversationListState {
  /** The first page, as last answered (or as cached, until the background answers). */
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
 * The popup's list: paints the cached answer at once, asks the background for a fresh one, asks again
 * every few seconds while something is starting or running, and loads older pages on demand.
 */
export function useConversationList() {
  const [reply, setReply] = useState<ConversationListReply | null>(null);
  const [more, setMore] = useState<{ items: ConversationListItem[]; nextPageId: string | null } | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [messageError, setMessageError] = useState<MessageError | null>(null);
  const [moreError, setMoreError] = useState<MessageError | null>(null);
  const answered = useRef(false);

  const load = useCallback(async (refresh: boolean) => {
    setRefreshing(true);
    const result = await sendMessage({ type: 'conversation.list', refresh }, conversationListReplySchema);
    setRefreshing(false);
    if (result.ok) {
      answered.current = true;
      setReply(result.data);
      setMessageError(null);
    } else {
      setMessageError(result.error);
    }
  }, []);

  useEffect(() => {
    readCachedReply().then((cached) => {
      if (cached && !answered.current) setReply(cached);
    });
    void load(true);
  }, [load]);

  const busy = reply?.items.some((item) => isBusy(item.state)) ?? false;
  useEffect(() => {
    if (!busy || refreshing) return;
    const timer = setTimeout(() => void load(false), BUSY_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [busy, refreshing, load]);

  const nextPageId = more ? more.nextPageId : (reply?.nextPageId ?? null);

  const loadMore = useCallback(async () => {
    if (!nextPageId) return;
    setLoadingMore(true);
    const result = await sendMessage(
      { type: 'conversation.list', pageId: nextPageId },
      conversationListReplySchema,
    );
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
  return { state, refresh: () => load(true), loadMore };
}
