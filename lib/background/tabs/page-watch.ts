import { UI_BUNDLE, type UiScripting } from '@/lib/background/tabs/load-ui';
import { type ItemKey, itemKey } from '@/lib/conversations/item';
import { itemOfUrl } from '@/lib/forges/forges';

/*
 * Brings the GitHub UI bundle to the pages that show something without a click: an issue or PR whose item has
 * known conversations (the status control). The resident script stays as small as it is; the background
 * watches the tab's URL instead, which includes GitHub's soft navigations. No network: whether an item has
 * conversations is read from storage. (Review threads' "Ask OpenHands" buttons need the bundle on PR pages
 * without conversations too: the resident asks for it when a thread shows, so a PR page without threads
 * never pays for it.)
 */

/**
 * The same tab reporting the same URL within this time, with no load in between, is one event (navigations
 * report the new address and then the end of loading).
 */
export const PAGE_WATCH_DEBOUNCE_MS = 1_000;

/** What `tabs.onUpdated` tells (the host permission for github.com gives `url`; no "tabs" permission). */
export type TabChange = { url?: string; status?: string };
export type WatchedTab = { url?: string; status?: string };

export interface PageWatchDeps {
  /** Whether the configured server's records have a conversation for the item (storage only). */
  hasConversations(item: ItemKey): Promise<boolean>;
  scripting: UiScripting;
  now(): number;
}

/** The item an address is on, when it is an issue or PR page of a forge the extension runs on (HTTPS only). */
export function watchedItem(url: string | undefined): ItemKey | null {
  if (!url?.startsWith('https://')) return null;
  const item = itemOfUrl(url);
  return item ? itemKey(item.repository, item.number) : null;
}

/** The `tabs.onUpdated` listener: injects the UI bundle into the tab's top frame when its page needs it. */
export function createPageWatch(deps: PageWatchDeps) {
  const recent = new Map<number, { url: string; at: number }>();
  return async (tabId: number, change: TabChange, tab: WatchedTab): Promise<void> => {
    // Loading starts a new document (a reload of the same address too): it needs the bundle again.
    if (change.status === 'loading') recent.delete(tabId);
    // A new address once the document is there (a soft navigation), or a page that finished loading (a
    // reload, or a full navigation whose address was reported while the old document was still shown).
    const url =
      change.url && tab.status === 'complete'
        ? change.url
        : change.status === 'complete'
          ? tab.url
          : undefined;
    const item = watchedItem(url);
    if (!url || !item) return;
    const now = deps.now();
    const last = recent.get(tabId);
    if (last && last.url === url && now - last.at < PAGE_WATCH_DEBOUNCE_MS) return;
    recent.set(tabId, { url, at: now });
    if (!(await deps.hasConversations(item))) return;
    try {
      await deps.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [UI_BUNDLE] });
    } catch {
      // The tab closed or moved on meanwhile, or shows an error page: the next navigation tries again.
    }
  };
}
