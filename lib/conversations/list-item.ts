import * as z from 'zod/mini';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { type ConversationSource, sourceSchema } from '@/lib/conversations/start-input';
import { conversationStateSchema } from '@/lib/conversations/state-schema';
import { conversationState, conversationStateV0 } from '@/lib/conversations/statuses';
import { forgeOfProvider } from '@/lib/forges/forges';
import { normalizeId } from '@/lib/openhands/ids';
import type { ConversationInfoV0 } from '@/lib/openhands/schemas-v0';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import { eachItem } from '@/lib/schema/each';
import { conversationUrl, type ServerOrigin } from '@/lib/server/origin';

/** One row of the popup's list: a conversation this extension started, one from the server, or both. */
export const conversationListItemSchema = z.object({
  /** Unique within a list: the normalized conversation id once known, else `local:` + the record id. */
  key: z.string(),
  conversationId: z.nullable(z.string()),
  /** The local record's id when this extension started the conversation. */
  localId: z.nullable(z.string()),
  /** Null while the server has not named it yet; the popup then shows the issue/PR reference. */
  title: z.nullable(z.string()),
  repository: z.nullable(z.string()),
  branch: z.nullable(z.string()),
  prNumber: z.nullable(z.int()),
  /** The PRs the conversation lists (`pr_number`), in the server's order; none when unknown. */
  pullNumbers: z._default(z.array(z.int()), []),
  /** The issue, PR or page it came from, when known. */
  source: z.nullable(sourceSchema),
  state: conversationStateSchema,
  /** The start task's status while starting (`AppConversationStartTaskStatus`), for the stage label. */
  startStatus: z.nullable(z.string()),
  /** Error text from the server, shown as is. */
  detail: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.nullable(z.string()),
  /** The web page that opens the conversation (or the pending start). */
  url: z.string(),
});
export type ConversationListItem = z.infer<typeof conversationListItemSchema>;

/**
 * A list of rows as pages receive and store it: each row is checked on its own, and one that does not parse is
 * left out, so one odd conversation never empties the popup (nor costs the rows started here).
 */
export const conversationListItemsSchema = eachItem(conversationListItemSchema);

/** The key that identifies a server conversation, whatever the case or dashes of its id. */
export const conversationKey = (conversationId: string) => normalizeId(conversationId);

/** PR numbers link only for conversations on a forge of ours (or those that do not say: GitHub). */
const forgePulls = (provider: string | null | undefined, prNumbers: number[] | undefined): number[] =>
  forgeOfProvider(provider) ? (prNumbers ?? []) : [];

/** The PR link of a server conversation, which has no recorded source; only when its provider is named. */
function pullSource(
  repository: string | null | undefined,
  provider: string | null | undefined,
  prNumber: number | null,
): ConversationSource | null {
  const forge = provider ? forgeOfProvider(provider) : null;
  if (!repository || !forge || prNumber === null) return null;
  return { kind: 'pull', url: forge.itemUrl(repository, 'pull', prNumber), number: prNumber };
}

/** A conversation this extension started, as kept in `storage.local`. */
export function itemFromRecord(record: ConversationRecord): ConversationListItem {
  return {
    key: record.conversationId ? conversationKey(record.conversationId) : `local:${record.id}`,
    conversationId: record.conversationId,
    localId: record.id,
    title: record.title || null,
    repository: record.repository,
    branch: record.branch,
    prNumber: record.prNumber,
    pullNumbers: record.pullNumbers,
    source: record.source,
    state: record.state,
    startStatus: record.state === 'starting' ? record.startStatus : null,
    detail: record.detail,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    url: recordUrl(record),
  };
}

/** A V1 `AppConversation` from `/api/v1/app-conversations/search`. */
export function itemFromAppConversation(
  conversation: AppConversation,
  serverUrl: ServerOrigin,
): ConversationListItem {
  const prNumber = conversation.pr_number?.[0] ?? null;
  return {
    key: conversationKey(conversation.id),
    conversationId: conversation.id,
    localId: null,
    title: conversation.title || null,
    repository: conversation.selected_repository ?? null,
    branch: conversation.selected_branch ?? null,
    prNumber,
    pullNumbers: forgePulls(conversation.git_provider, conversation.pr_number),
    source: pullSource(conversation.selected_repository, conversation.git_provider, prNumber),
    state: conversationState(conversation),
    startStatus: null,
    detail: null,
    createdAt: conversation.created_at ?? conversation.updated_at ?? '',
    updatedAt: conversation.updated_at ?? null,
    url: conversationUrl(serverUrl, conversation.id),
  };
}

/** A legacy V0 `ConversationInfo` from `GET /api/conversations`. */
export function itemFromConversationInfoV0(
  info: ConversationInfoV0,
  serverUrl: ServerOrigin,
): ConversationListItem {
  const prNumber = info.pr_number?.[0] ?? null;
  return {
    key: conversationKey(info.conversation_id),
    conversationId: info.conversation_id,
    localId: null,
    title: info.title || null,
    repository: info.selected_repository ?? null,
    branch: info.selected_branch ?? null,
    prNumber,
    pullNumbers: forgePulls(info.git_provider, info.pr_number),
    source: pullSource(info.selected_repository, info.git_provider, prNumber),
    state: conversationStateV0(info),
    startStatus: null,
    detail: null,
    createdAt: info.created_at ?? info.last_updated_at ?? '',
    updatedAt: info.last_updated_at ?? null,
    url: conversationUrl(serverUrl, info.conversation_id),
  };
}
