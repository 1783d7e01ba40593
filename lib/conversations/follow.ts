import type { ConversationRecord } from '@/lib/conversations/record';

/*
 * What a page that started a conversation sees of its stored record while it watches it (the record port,
 * lib/protocol/ports.ts). No zod here: the GitHub UI bundle reads it too.
 */

/** The parts of a record a follower sees: what the progress toast shows, nothing more. */
export type FollowedRecord = Pick<
  ConversationRecord,
  | 'id'
  | 'serverUrl'
  | 'taskId'
  | 'conversationId'
  | 'title'
  | 'state'
  | 'startStatus'
  | 'detail'
  | 'lastPolledAt'
> & {
  /** Polls of its server keep failing and are being retried (issue 17); absent in a start's reply. */
  retrying?: boolean;
};

export function followedRecord(record: ConversationRecord): FollowedRecord {
  const { id, serverUrl, taskId, conversationId, title, state, startStatus, detail } = record;
  const retrying = record.pollFailure !== null && record.polling;
  // The last answer's time only while it matters: every poll changes it, and the page sees only changes
  const lastPolledAt = retrying ? record.lastPolledAt : null;
  return { id, serverUrl, taskId, conversationId, title, state, startStatus, detail, lastPolledAt, retrying };
}
