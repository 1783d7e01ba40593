import { numbersInTitle } from '@/lib/conversations/item-index';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isFinalState } from '@/lib/conversations/state';
import { conversationState } from '@/lib/conversations/statuses';
import { forgeOfProvider } from '@/lib/forges/forges';
import { github } from '@/lib/forges/github/forge';
import { normalizeId } from '@/lib/openhands/ids';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';

/*
 * Conversations found on the server (V1 search) that name a GitHub item become records (`foundOnServer`), so
 * the item's page, the popup, the badge, notifications and follow-ups treat them like those started here.
 */

/** The PRs a conversation lists that are PR numbers at all. */
const pullsOf = (conversation: AppConversation) =>
  (conversation.pr_number ?? []).filter((n) => Number.isSafeInteger(n) && n > 0);

/**
 * The item numbers a server conversation is for: its repository is a GitHub one (`selected_repository`) and it
 * lists PRs (`pr_number`) or its title names `#N`. None for anything else.
 */
export function foundItemNumbers(conversation: AppConversation): number[] {
  const repository = conversation.selected_repository;
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return [];
  if (!forgeOfProvider(conversation.git_provider)) return [];
  return [...new Set([...pullsOf(conversation), ...numbersInTitle(conversation.title)])];
}

/**
 * The record for a conversation found on the server. Its current state counts as notified: adopting many at
 * once must not show a notification for each; later changes notify as usual.
 */
export function foundRecord(
  conversation: AppConversation,
  serverUrl: ServerOrigin,
  now: Date,
): ConversationRecord | null {
  const [first] = foundItemNumbers(conversation);
  const repository = conversation.selected_repository;
  if (first === undefined || !repository) return null;
  const pulls = pullsOf(conversation);
  const forge = forgeOfProvider(conversation.git_provider) ?? github;
  const state = conversationState(conversation);
  const at = now.toISOString();
  const id = normalizeId(conversation.id);
  return {
    id,
    serverUrl,
    apiVersion: 'v1',
    taskId: null,
    conversationId: id,
    repository,
    branch: conversation.selected_branch ?? null,
    prNumber: null,
    title: conversation.title ?? '',
    source:
      pulls[0] !== undefined
        ? { kind: 'pull', url: forge.itemUrl(repository, 'pull', pulls[0]), number: pulls[0] }
        : { kind: 'issue', url: forge.itemUrl(repository, 'issue', first), number: first },
    state,
    startStatus: null,
    detail: null,
    createdAt: conversation.created_at ?? conversation.updated_at ?? at,
    // Polling goes on for a day after the last change the server reports.
    updatedAt: conversation.updated_at ?? at,
    lastPolledAt: at,
    pollFailure: null,
    // The background also stops polling what has not changed for a day (polling/policy.ts keepPolling).
    polling: !isFinalState(state),
    notifiedState: state,
    pullNumbers: pulls,
    foundOnServer: true,
    requestId: null,
  };
}

/** The conversations of `page` that name an item and no record knows yet (by conversation id), as found records. */
export function adoptable(
  records: readonly ConversationRecord[],
  page: readonly AppConversation[],
  serverUrl: ServerOrigin,
  now: Date,
): ConversationRecord[] {
  const known = new Set(records.flatMap((r) => (r.conversationId ? [normalizeId(r.conversationId)] : [])));
  return page.flatMap((conversation) => {
    if (known.has(normalizeId(conversation.id))) return [];
    const record = foundRecord(conversation, serverUrl, now);
    if (record) known.add(record.id);
    return record ? [record] : [];
  });
}
