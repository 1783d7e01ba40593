import type { ConversationRecord } from '@/lib/conversations/record';

/*
 * A page that started a conversation follows its stored record over a port named `conversation.follow:<id>`:
 * the background posts the record when the port opens and whenever the stored record changes, until the page
 * closes the port. No zod here: the GitHub UI bundle reads these names too.
 */

export const FOLLOW_PORT_PREFIX = 'conversation.follow:';

export function followPortName(id: string): string {
  return `${FOLLOW_PORT_PREFIX}${id}`;
}

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

/** What the background posts on the port; `record` is null once the record is no longer stored. */
export type FollowMessage = { type: 'conversation.record'; record: FollowedRecord | null };

export function followedRecord(record: ConversationRecord): FollowedRecord {
  const { id, serverUrl, taskId, conversationId, title, state, startStatus, detail } = record;
  const retrying = record.pollFailure !== null && record.polling;
  // The last answer's time only while it matters: every poll changes it, and the page sees only changes
  const lastPolledAt = retrying ? record.lastPolledAt : null;
  return { id, serverUrl, taskId, conversationId, title, state, startStatus, detail, lastPolledAt, retrying };
}
