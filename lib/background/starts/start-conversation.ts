import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { type Connection, type ConnectionDeps, withConnection } from '@/lib/background/settings/connection';
import { startOnce } from '@/lib/background/starts/start-once';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import { toStartRequestV0, toStartRequestV1 } from '@/lib/conversations/start-request';

export interface StartDeps extends ConnectionDeps {
  now(): Date;
  /** Wakes the poller so the new start's progress is followed at once. */
  schedulePoll(): void;
}

/** A title for a start that has none: the repository, if any, and the message's beginning. */
function defaultTitle(input: StartInput): string {
  const start = input.message.slice(0, 60);
  return input.repository ? `${input.repository}: ${start}` : start;
}

/** The record for a conversation that is just starting, before the first poll. */
function newRecord(
  input: StartInput,
  connection: Connection,
  ids: { taskId: string | null; conversationId: string | null },
  now: string,
  requestId: string | null,
): ConversationRecord {
  return {
    id: ids.taskId ?? ids.conversationId ?? '',
    serverUrl: connection.serverUrl,
    apiVersion: connection.apiVersion,
    taskId: ids.taskId,
    conversationId: ids.conversationId,
    repository: input.repository ?? null,
    branch: input.branch ?? null,
    prNumber: input.prNumber ?? null,
    title: input.title ?? defaultTitle(input),
    source: input.source,
    state: 'starting',
    startStatus: ids.taskId ? 'WORKING' : null,
    detail: null,
    createdAt: now,
    updatedAt: now,
    lastPolledAt: null,
    pollFailure: null,
    polling: true,
    notifiedState: null,
    pullNumbers: input.prNumber ? [input.prNumber] : [],
    foundOnServer: false,
    requestId,
  };
}

export interface StartOptions {
  /** A start of this input recorded then, whose outcome is unknown: look for it before posting (start-once.ts). */
  lostSince?: Date;
  /** The page's id for the click (kept on the record). */
  requestId?: string;
}

/** Starts a conversation on the configured server (V1 start task, or V0's synchronous start). */
async function start(
  input: StartInput,
  connection: Connection,
  deps: StartDeps,
  now: string,
  { lostSince, requestId }: StartOptions,
): Promise<ConversationRecord> {
  if (connection.apiVersion === 'v1') {
    // Starts we already follow are never adopted as the answer to a lost POST.
    const knownTaskIds = (await loadConversations()).flatMap((r) => (r.taskId ? [r.taskId] : []));
    // Built once: posted, and compared with the starts on the server when an answer was lost
    const body = toStartRequestV1(input);
    const task = await startOnce(connection.client, body, { now: deps.now, knownTaskIds, lostSince });
    const ids = { taskId: task.id, conversationId: task.app_conversation_id ?? null };
    return { ...newRecord(input, connection, ids, now, requestId ?? null), startStatus: task.status };
  }
  const started = await connection.client.startConversationV0(toStartRequestV0(input));
  const ids = { taskId: null, conversationId: started.conversation_id };
  return newRecord(input, connection, ids, now, requestId ?? null);
}

/** Starts a conversation on the configured server and records it for polling. */
export async function startConversation(
  input: StartInput,
  deps: StartDeps,
  options: StartOptions = {},
): Promise<ConversationRecord> {
  const now = deps.now().toISOString();
  const record = await withConnection(deps, (connection) => start(input, connection, deps, now, options));
  await upsertConversation(record);
  deps.schedulePoll();
  return record;
}
