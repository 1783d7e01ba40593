import type { FollowedRecord } from '@/lib/conversations/follow';
import { CONVERSATION_STATES } from '@/lib/conversations/state';
import type { ReplyCheck } from '@/lib/protocol/send';

/*
 * The GitHub UI bundle checks the records the background sends it without zod (no zod in any GitHub bundle):
 * only the fields its progress toast reads, by hand.
 */

/** The parts of a conversation record the page's progress toast reads. */
export type RecordSummary = FollowedRecord;

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
    isStringOrNull(record.detail) &&
    isStringOrNull(record.lastPolledAt) &&
    (record.retrying === undefined || typeof record.retrying === 'boolean')
  );
}

/** What `conversation.start` answers, as the page checks it. */
export const recordReply: ReplyCheck<RecordSummary> = {
  safeParse: (data) => (isRecordSummary(data) ? { success: true, data } : { success: false }),
};

/**
 * A message on the follow port (lib/conversations/follow): the record `id`, or null when it is no longer
 * stored. `undefined` for anything else, including another record.
 */
export function readFollowMessage(message: unknown, id: string): RecordSummary | null | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, record } = message as { type?: unknown; record?: unknown };
  if (type !== 'conversation.record') return undefined;
  if (record === null) return null;
  return isRecordSummary(record) && record.id === id ? record : undefined;
}
