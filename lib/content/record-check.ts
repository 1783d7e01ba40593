import type { ConversationRecord } from '@/lib/conversations/record';
import { CONVERSATION_STATES } from '@/lib/conversations/state';
import type { ReplyCheck } from '@/lib/pages/send-message';

/*
 * The GitHub content script checks the records the background sends it without zod (it runs on every GitHub
 * page and stays small): only the fields its progress toast reads, by hand.
 */

/** The parts of a conversation record the page's progress toast reads. */
export type RecordSummary = Pick<
  ConversationRecord,
  'id' | 'serverUrl' | 'taskId' | 'conversationId' | 'title' | 'state' | 'startStatus' | 'detail'
>;

const STATES: ReadonlySet<string> = new Set(CONVERSATION_STATES);

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);

/** Whether `value` has every field of a record the toast reads, each of the right type. */
export function isRecordSummary(value: unknown): value is RecordSummary {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<keyof RecordSummary, unknown>;
  return (
    isString(record.id) &&
    record.id !== '' &&
    isString(record.serverUrl) &&
    /^https?:\/\//.test(record.serverUrl) &&
    isStringOrNull(record.taskId) &&
    isStringOrNull(record.conversationId) &&
    isString(record.title) &&
    isString(record.state) &&
    STATES.has(record.state) &&
    isStringOrNull(record.startStatus) &&
    isStringOrNull(record.detail)
  );
}

/** What `conversation.start` answers, as the page checks it. */
export const recordReply: ReplyCheck<RecordSummary> = {
  safeParse: (data) => (isRecordSummary(data) ? { success: true, data } : { success: false }),
};

/** What `conversation.get` answers: a record, or null once it is no longer stored. */
export const recordOrNullReply: ReplyCheck<RecordSummary | null> = {
  safeParse: (data) =>
    data === null || isRecordSummary(data) ? { success: true, data } : { success: false },
};
