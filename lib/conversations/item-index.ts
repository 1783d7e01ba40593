import { type ItemConversation, type ItemKey, itemKey } from '@/lib/conversations/item';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { isFinalState, startStageLabel } from '@/lib/conversations/state';
import { itemOfUrl } from '@/lib/forges/forges';
import type { ServerOrigin } from '@/lib/server/origin';

/*
 * The index from a GitHub item (`owner/repo#N`) to the conversations for it, built from the stored records on
 * demand: they are few (capped), and a derived index can never go stale. Pure: the background reads records
 * and settings, and asks here.
 */

/** Server-found records kept at most (newest first); records started here are never trimmed for them. */
export const MAX_FOUND_RECORDS = 100;

/** `#N` in a title, not part of a word or an HTML entity (`&#39;`). */
const TITLE_REFERENCE = /(?:^|[^\w&])#([1-9]\d{0,9})\b/g;

/** The item numbers a title names (`#42: Crash on startup` → [42]). */
export function numbersInTitle(title: string | null | undefined): number[] {
  return [...(title ?? '').matchAll(TITLE_REFERENCE)].map((match) => Number(match[1]));
}

/** A start that failed before the server made a task is an error shown once, not a conversation. */
export function isServerConversation(record: Pick<ConversationRecord, 'taskId' | 'conversationId'>): boolean {
  return record.taskId !== null || record.conversationId !== null;
}

/**
 * Every item a record is for: where it was started (issue or PR page, the keyboard command there, a compose
 * window whose page was one), the PR it was started on, the PRs its conversation lists, and `#N` in its
 * title within its repository.
 */
export function recordItems(
  record: Pick<ConversationRecord, 'repository' | 'prNumber' | 'pullNumbers' | 'title' | 'source'>,
): ItemKey[] {
  const keys = new Set<ItemKey>();
  const page = itemOfUrl(record.source.url);
  if (page) keys.add(itemKey(page.repository, page.number));
  const repository = record.repository ?? page?.repository ?? null;
  if (repository) {
    const numbers = [
      ...(record.source.kind !== 'selection' && record.source.number ? [record.source.number] : []),
      ...(record.prNumber ? [record.prNumber] : []),
      ...record.pullNumbers,
      ...numbersInTitle(record.title),
    ];
    for (const n of numbers) keys.add(itemKey(repository, n));
  }
  return [...keys];
}

/** Whether `record` belongs to `serverUrl` (the configured server): only its conversations count. */
export function isOnServer(record: Pick<ConversationRecord, 'serverUrl'>, serverUrl: ServerOrigin): boolean {
  return record.serverUrl === serverUrl;
}

/** A record as an item's page shows it. */
export function toItemConversation(record: ConversationRecord): ItemConversation {
  return {
    id: record.id,
    url: recordUrl(record),
    title: record.title,
    state: record.state,
    stage: record.state === 'starting' && record.startStatus ? startStageLabel(record.startStatus) : null,
    pullNumbers: record.pullNumbers,
    repository: record.repository,
    apiVersion: record.apiVersion,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...retrying(record),
  };
}

/** Whether polls of the record keep failing, and then when the server last answered (else null: see below). */
function retrying(record: ConversationRecord): Pick<ItemConversation, 'retrying' | 'lastAnswerAt'> {
  const failing = record.pollFailure !== null && record.polling && !isFinalState(record.state);
  // Only while failing: every poll moves it, and the item port posts only what changes
  return { retrying: failing, lastAnswerAt: failing ? record.lastPolledAt : null };
}

/** The records of the configured server for `key`, newest first. */
export function itemRecords(
  records: readonly ConversationRecord[],
  key: ItemKey,
  serverUrl: ServerOrigin,
): ConversationRecord[] {
  return records
    .filter((r) => isOnServer(r, serverUrl) && isServerConversation(r) && recordItems(r).includes(key))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The conversations of the configured server for `key`, newest first. */
export function itemConversations(
  records: readonly ConversationRecord[],
  key: ItemKey,
  serverUrl: ServerOrigin,
): ItemConversation[] {
  return itemRecords(records, key, serverUrl).map(toItemConversation);
}

/**
 * Keeps at most `max` server-found records, dropping the oldest; records started here all stay. Order is
 * kept.
 */
export function trimFound<R extends Pick<ConversationRecord, 'foundOnServer' | 'createdAt'>>(
  records: readonly R[],
  max = MAX_FOUND_RECORDS,
): R[] {
  const found = records.filter((r) => r.foundOnServer);
  if (found.length <= max) return [...records];
  const kept = new Set(
    [...found].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, Math.max(0, max)),
  );
  return records.filter((r) => !r.foundOnServer || kept.has(r));
}
