import { pollIntervalMs } from '@/lib/background/polling/policy';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { feedPort } from '@/lib/background/ports/port-feed';
import type { ItemKey } from '@/lib/conversations/item';
import { itemConversations } from '@/lib/conversations/item-index';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isFinalState } from '@/lib/conversations/state';
import type { ItemWatchMessage } from '@/lib/protocol/ports';
import type { ServerOrigin } from '@/lib/server/origin';

export type ItemWatchDeps = {
  /** The stored records and the configured server. No network. */
  load(): Promise<{ records: ConversationRecord[]; serverUrl: ServerOrigin }>;
  /** Calls `listener` after every write of the stored conversations; returns what unsubscribes it. */
  onChange(listener: () => void): () => void;
  /** Polls these records (those due and not final) with one batch call; the records' writes follow. */
  poll(ids: readonly string[]): Promise<void>;
  /** Reads these records at once, final ones included, unless read a moment ago (the page just opened). */
  refresh(ids: readonly string[]): Promise<void>;
  /** The server scan (at most once a minute itself): an item page with known conversations polls. */
  scan(): Promise<void>;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
};

/**
 * The item port (lib/protocol/ports.ts `item`): an `item.conversations` message is posted on connect and after
 * every change of the records that changes what the page sees. When the port opens (the user looks now), all of them are read
 * at once, final ones included (`refresh`); then, while the port is open and one of them is not final, they
 * are polled (one batch call per poll, at the interval of the busiest one); the page closes the port while
 * hidden. A page with no known conversation costs no request at all. The page sends nothing, so any message
 * ends the port.
 */
export function serveItemWatch(
  port: BackgroundPort<ItemWatchMessage>,
  item: ItemKey,
  deps: ItemWatchDeps,
): void {
  let isOpen = () => true;
  let timer: unknown;
  let polling = false;
  /** The live (not final) conversations as last posted, and how soon the busiest wants a poll. */
  let live: { ids: string[]; delay: number } = { ids: [], delay: 0 };
  /** Every conversation as last posted. */
  let all: string[] = [];

  /** `opening`: the first poll, which reads every conversation of the item first. */
  const poll = async (opening = false) => {
    timer = undefined;
    if (!isOpen() || (!opening && live.ids.length === 0)) return;
    polling = true;
    try {
      if (opening) await deps.refresh(all);
      // Right after a refresh nothing is due: no second request
      await deps.poll(live.ids);
      await deps.scan();
    } catch {
      // The records carry poll failures (back-off); the next poll tries again.
    } finally {
      polling = false;
    }
    schedulePoll(live.delay);
  };
  const schedulePoll = (delay: number, opening = false) => {
    if (!isOpen() || polling || timer !== undefined || (!opening && live.ids.length === 0)) return;
    timer = deps.setTimeout(() => void poll(opening), delay);
  };

  isOpen = feedPort(port, {
    onChange: deps.onChange,
    build: async () => {
      const loaded = await deps.load();
      const conversations = itemConversations(loaded.records, item, loaded.serverUrl);
      const pending = conversations.filter((c) => !isFinalState(c.state));
      all = conversations.map((c) => c.id);
      live = {
        ids: pending.map((c) => c.id),
        delay: Math.min(...pending.map((c) => pollIntervalMs(c.state))),
      };
      return { type: 'item.conversations', item, conversations };
    },
    // On open, at once and every conversation; later, after the interval.
    afterPush: (first) => (first ? schedulePoll(0, all.length > 0) : schedulePoll(live.delay)),
    onClose: () => {
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
    },
  });
}
