import { type Connection, type ConnectionDeps, connect } from '@/lib/background/connection';
import { upsertConversation } from '@/lib/background/conversation-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/start-input';

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
    polling: true,
    notifiedState: null,
  };
}

/** Starts a conversation on the configured server and records it for polling. */
export async function startConversation(input: StartInput, deps: StartDeps): Promise<ConversationRecord> {
  const connection = await connect(deps);
  const now = deps.now().toISOString();
  let record: ConversationRecord;
  if (connection.apiVersion === 'v1') {
    const task = await connection.client.startConversation(input);
    record = newRecord(
      input,
      connection,
      { taskId: task.id, conversationId: task.app_conversation_id ?? null },
      now,
    );
    record.startStatus = task.status;
  } else {
    const started = await connection.client.startConversationV0(input);
    record = newRecord(input, connection, { taskId: null, conversationId: started.conversation_id }, now);
  }
  await upsertConversation(record);
  deps.schedulePoll();
  return record;
}
