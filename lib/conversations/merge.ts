import type { ConversationListItem } from '@/lib/conversations/list-item';

/** Milliseconds since the epoch; unreadable or missing times sort last. */
const time = (iso: string | null) => {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
};

/** Newest `createdAt` first; ties keep their order. */
export function newestFirst(items: readonly ConversationListItem[]): ConversationListItem[] {
  return [...items].sort((a, b) => time(b.createdAt) - time(a.createdAt));
}

/**
 * A conversation known both locally and on the server. The local record knows where it came from and how
 * far its start got; the server knows the current title and state.
 */
function combine(local: ConversationListItem, server: ConversationListItem): ConversationListItem {
  return {
    ...local,
    key: server.key,
    conversationId: server.conversationId,
    title: server.title ?? local.title,
    repository: server.repository ?? local.repository,
    branch: server.branch ?? local.branch,
    prNumber: local.prNumber ?? server.prNumber,
    pullNumbers: server.pullNumbers.length > 0 ? server.pullNumbers : local.pullNumbers,
    source: local.source ?? server.source,
    state: server.state,
    startStatus: server.state === 'starting' ? local.startStatus : null,
    createdAt: server.createdAt || local.createdAt,
    updatedAt: server.updatedAt ?? local.updatedAt,
    url: server.url,
  };
}

/** How far behind ours the server's clock may be when pairing a start with the conversation it created. */
const CLOCK_SKEW_MS = 60_000;
/** A start creates its conversation within minutes; a start stuck for longer pairs with nothing. */
const START_WINDOW_MS = 15 * 60_000;

const sameName = (a: string | null, b: string | null) => a !== null && a.toLowerCase() === b?.toLowerCase();

/**
 * Whether `server` may be the conversation a local start in progress created. Its id is known only once
 * the poller sees the start task READY, a moment after the server already lists the conversation; until
 * then, pairing them keeps the list from showing the same conversation twice.
 */
function mayBeCreatedBy(start: ConversationListItem, server: ConversationListItem): boolean {
  return (
    start.conversationId === null &&
    // "Status unknown": polling gave up on it, but the server may well have created its conversation.
    (start.state === 'starting' || start.state === 'unknown') &&
    sameName(start.repository, server.repository) &&
    (start.branch === null || server.branch === null || start.branch === server.branch) &&
    time(server.createdAt) >= time(start.createdAt) - CLOCK_SKEW_MS &&
    time(server.createdAt) <= time(start.createdAt) + START_WINDOW_MS
  );
}

export interface ServerPage {
  items: ConversationListItem[];
  nextPageId: string | null;
}

/**
 * Local records merged with one page of the server's list, deduplicated by conversation id, newest first.
 * When more pages follow, local records older than this page's oldest item are left for those pages, so
 * that "Load more" keeps the list in order.
 */
export function mergeConversations(
  local: readonly ConversationListItem[],
  page: ServerPage,
): ConversationListItem[] {
  const server = new Map(page.items.map((item) => [item.key, item]));
  const oldest = Math.min(...page.items.map((item) => time(item.createdAt)));
  const inRange = (item: ConversationListItem) =>
    page.nextPageId === null || page.items.length === 0 || time(item.createdAt) >= oldest;

  const merged = new Map<string, ConversationListItem>();
  for (const item of page.items) merged.set(item.key, item);
  const unclaimed = new Map(server);
  const rest: ConversationListItem[] = [];
  for (const item of local) {
    const match = server.get(item.key);
    if (match) {
      merged.set(item.key, combine(item, match));
      unclaimed.delete(item.key);
    } else rest.push(item);
  }
  // Oldest start first, each with the oldest conversation created after it.
  const byAge = (a: ConversationListItem, b: ConversationListItem) => time(a.createdAt) - time(b.createdAt);
  for (const item of [...rest].sort(byAge)) {
    const created = [...unclaimed.values()].sort(byAge).find((candidate) => mayBeCreatedBy(item, candidate));
    if (created) {
      merged.set(created.key, combine(item, created));
      unclaimed.delete(created.key);
    } else if (inRange(item) && !merged.has(item.key)) merged.set(item.key, item);
  }
  return newestFirst([...merged.values()]);
}

/**
 * Adds items to a list without repeating any: what is already listed wins, since later pages may repeat
 * local records that an earlier page already merged with the server.
 */
export function appendUnique(
  listed: readonly ConversationListItem[],
  more: readonly ConversationListItem[],
): ConversationListItem[] {
  const keys = new Set(listed.map((item) => item.key));
  return newestFirst([...listed, ...more.filter((item) => !keys.has(item.key))]);
}
