import type { Browser } from 'wxt/browser';
import { type ListDeps, listConversations } from '@/lib/background/list/list-conversations';
import { createListRefresher, type ListedNow } from '@/lib/background/list/list-refresh';
import { classifySender, type ExtensionIdentity } from '@/lib/background/messaging/sender';
import { loadConversations } from '@/lib/background/records/conversation-store';
import { LIST_PORT } from '@/lib/protocol/messages';
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
 * The `runtime.onConnect` listener for pages following the list (`LIST_PORT`): each open port from one of
 * this extension's pages counts as a follower of the list refresher; anyone else's port is closed at once.
 */
export function createListFollowers(deps: ListDeps, self: ExtensionIdentity) {
  const refresher = createListRefresher({
    listed: listedNow,
    refresh: () => listConversations({ refresh: true }, deps),
    watch: watchList,
    now: () => deps.now().getTime(),
  });
  return (port: Browser.runtime.Port) => {
    if (port.name !== LIST_PORT) return;
    if (classifySender(port.sender ?? {}, self) !== 'extension-page') {
      port.disconnect();
      return;
    }
    port.onDisconnect.addListener(refresher.follow());
  };
}
