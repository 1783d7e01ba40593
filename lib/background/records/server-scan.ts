import { keepPolling } from '@/lib/background/polling/policy';
import { loadConversations, updateConversations } from '@/lib/background/records/conversation-store';
import { type ConnectionDeps, withConnection } from '@/lib/background/settings/connection';
import { adoptable } from '@/lib/conversations/adopt';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';
import { type ScanTimes, scanTimesItem } from '@/lib/storage/scan-times';

/*
 * The server scan (V1 only): the newest conversations on the configured server that name a GitHub item
 * (`selected_repository` plus `pr_number` or `#N` in the title) are adopted as records, so the item's page
 * shows them. The search API has no repository filter, so the newest page is read, at most once a minute per
 * server. It runs only when the popup lists conversations (reusing that page: no request of its own), when an
 * item page with known conversations polls, and after a start: never because a page was merely visited.
 */

/** At most one scan request per server within this time. */
export const SCAN_INTERVAL_MS = 60_000;
/** Conversations per scan: the newest page, as large as the API allows. */
export const SCAN_PAGE_SIZE = 100;

export interface ScanDeps extends ConnectionDeps {
  now(): Date;
  /** Called with every record after conversations were adopted (the toolbar badge). */
  onRecords(records: ConversationRecord[]): Promise<void>;
}

export interface ServerScan {
  /** Reads the newest page of the configured V1 server, unless it was read within SCAN_INTERVAL_MS. */
  scan(): Promise<void>;
  /** A page of the server's newest conversations fetched anyway (the popup's list): adopts from it. */
  offer(serverUrl: ServerOrigin, page: readonly AppConversation[]): Promise<void>;
}

export function createServerScan(deps: ScanDeps): ServerScan {
  const running = new Map<string, Promise<void>>();

  async function adopt(serverUrl: ServerOrigin, page: readonly AppConversation[]) {
    const now = deps.now();
    const fresh = (records: readonly ConversationRecord[]) =>
      adoptable(records, page, serverUrl, now).map((r) => ({ ...r, polling: keepPolling(r, now.getTime()) }));
    // Nothing new (the usual case): no write, so nobody following the records hears of a change.
    if (fresh(await loadConversations()).length === 0) return;
    const records = await updateConversations((records) => {
      const next = [...records, ...fresh(records)];
      return { records: next, result: next };
    });
    await deps.onRecords(records);
  }

  /** Remembers when `serverUrl` was read; times older than the interval are dropped on the way. */
  async function markRead(serverUrl: ServerOrigin, now: number, times?: ScanTimes) {
    times ??= await scanTimesItem.getValue();
    const recent = Object.entries(times).filter(([, time]) => now - time < SCAN_INTERVAL_MS);
    await scanTimesItem.setValue({ ...Object.fromEntries(recent), [serverUrl]: now });
  }

  async function read(): Promise<void> {
    await withConnection(deps, async ({ apiVersion, client, serverUrl }) => {
      if (apiVersion !== 'v1') return;
      const times = await scanTimesItem.getValue();
      const last = times[serverUrl];
      const now = deps.now().getTime();
      if (last !== undefined && now - last < SCAN_INTERVAL_MS) return;
      await markRead(serverUrl, now, times);
      const page = await client.searchConversations({ limit: SCAN_PAGE_SIZE });
      await adopt(serverUrl, page.items);
    });
  }

  return {
    scan: async () => {
      // Concurrent triggers share one scan.
      const key = 'current';
      const pending = running.get(key) ?? read().finally(() => running.delete(key));
      running.set(key, pending);
      await pending.catch(() => {
        // A failed scan is retried by the next trigger after the interval; polls report server trouble.
      });
    },
    offer: async (serverUrl, page) => {
      await markRead(serverUrl, deps.now().getTime());
      await adopt(serverUrl, page);
    },
  };
}
