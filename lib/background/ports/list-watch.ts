import { type ListDeps, listConversations } from '@/lib/background/list/list-conversations';
import { createListRefresher, type ListedNow } from '@/lib/background/list/list-refresh';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { loadConversations } from '@/lib/background/records/conversation-store';
import { conversationsItem } from '@/lib/storage/conversations';
import { cachedReply, listCacheItem, readListCache } from '@/lib/storage/list-cache';

/** The first page as the popup shows it now: the cached server page merged with the records. */
async function listedNow(): Promise<ListedNow> {
  const [cache, records] = await Promise.all([readListCache(), loadConversations()]);
  if (!cache) return { states: [], fetchedAt: null };
  return {
    states: cachedReply(cache, records).items.map((item) => item.state),
    fetchedAt: cache.server?.fetchedAt ?? null,
  };
}

/** Calls `onChange` on every change of the cached list or of the records. */
function watchList(onChange: () => void): () => void {
  const stops = [listCacheItem.watch(onChange), conversationsItem.watch(onChange)];
  return () => {
    for (const stop of stops) stop();
  };
}

/**
 * The list port (lib/protocol/ports.ts `list`): each open one counts as a follower of the list refresher, which
 * keeps the cached first page fresh while any is open.
 */
export function createListWatch(deps: ListDeps) {
  const refresher = createListRefresher({
    listed: listedNow,
    refresh: () => listConversations({ refresh: true }, deps),
    watch: watchList,
    now: () => deps.now().getTime(),
  });
  return (port: BackgroundPort<never>) => {
    port.onDisconnect.addListener(refresher.follow());
  };
}
