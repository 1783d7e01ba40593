import type { ConversationRecord } from '@/lib/conversations/record';
import { conversationState, conversationStateV0 } from '@/lib/conversations/statuses';
import { toOpenHandsError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import type { OpenHandsClient } from '@/lib/openhands/client';
import type { AppConversation } from '@/lib/openhands/schemas-v1';

/** What a poll learned about one record. */
export type RecordUpdate = Partial<
  Pick<ConversationRecord, 'state' | 'startStatus' | 'conversationId' | 'detail' | 'title' | 'pullNumbers'>
>;

/** The PRs a conversation lists, when the server says (`pr_number`, repaired by the schema); absent means unchanged. */
const pulls = (prNumber: readonly number[] | undefined): Pick<RecordUpdate, 'pullNumbers'> =>
  prNumber ? { pullNumbers: [...prNumber] } : {};

/** Kept on the record as its `detail`, in the language of the day it was learnt. */
const gone = () => t('background.gone');

/** V1 starts still in progress: one batch call for all of them. */
async function startTaskUpdates(client: OpenHandsClient, records: ConversationRecord[]) {
  const updates = new Map<string, RecordUpdate>();
  if (records.length === 0) return updates;
  const tasks = await client.getStartTasks(records.map((r) => r.taskId ?? r.id));
  records.forEach((record, i) => {
    const task = tasks[i];
    // Unreadable (`undefined`): an answer that changes nothing, not "gone"; the next poll asks again.
    if (task === undefined) updates.set(record.id, {});
    else if (task === null) updates.set(record.id, { state: 'error', detail: gone() });
    else if (task.status === 'READY' && task.app_conversation_id) {
      updates.set(record.id, {
        state: 'running',
        startStatus: 'READY',
        conversationId: task.app_conversation_id,
      });
    } else if (task.status === 'ERROR') {
      updates.set(record.id, { state: 'error', startStatus: 'ERROR', detail: task.detail ?? null });
    } else updates.set(record.id, { startStatus: task.status });
  });
  return updates;
}

/** What a V1 conversation as the server reports it says about its record. */
export function conversationUpdate(conversation: AppConversation): RecordUpdate {
  const update: RecordUpdate = { state: conversationState(conversation), ...pulls(conversation.pr_number) };
  if (conversation.title) update.title = conversation.title;
  return update;
}

/** V1 conversations: one batch call. */
async function conversationUpdates(client: OpenHandsClient, records: ConversationRecord[]) {
  const updates = new Map<string, RecordUpdate>();
  if (records.length === 0) return updates;
  const conversations = await client.getConversations(records.map((r) => r.conversationId ?? ''));
  records.forEach((record, i) => {
    const conversation = conversations[i];
    if (conversation === undefined) updates.set(record.id, {});
    else if (conversation === null) updates.set(record.id, { state: 'archived', detail: gone() });
    else updates.set(record.id, conversationUpdate(conversation));
  });
  return updates;
}

/** V0 has no batch read: one call per conversation. */
async function v0Updates(client: OpenHandsClient, records: ConversationRecord[]) {
  const updates = new Map<string, RecordUpdate>();
  for (const record of records) {
    const info = await client
      .getConversationV0(record.conversationId ?? record.id)
      .catch((error: unknown) => {
        // One conversation the server describes oddly changes nothing; any other failure fails the poll.
        if (toOpenHandsError(error).code === 'bad_response') return undefined;
        throw error;
      });
    if (info === undefined) {
      updates.set(record.id, {});
      continue;
    }
    updates.set(
      record.id,
      info
        ? { state: conversationStateV0(info), title: info.title, ...pulls(info.pr_number) }
        : { state: 'archived', detail: gone() },
    );
  }
  return updates;
}

/** Asks the server about every due record, with as few calls as the API allows. */
export async function fetchUpdates(
  client: OpenHandsClient,
  due: ConversationRecord[],
): Promise<Map<string, RecordUpdate>> {
  const v1 = due.filter((r) => r.apiVersion === 'v1');
  const [starts, conversations, v0] = await Promise.all([
    startTaskUpdates(
      client,
      v1.filter((r) => !r.conversationId),
    ),
    conversationUpdates(
      client,
      v1.filter((r) => r.conversationId),
    ),
    v0Updates(
      client,
      due.filter((r) => r.apiVersion === 'v0'),
    ),
  ]);
  return new Map([...starts, ...conversations, ...v0]);
}
