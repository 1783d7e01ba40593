import type { FollowedRecord } from '@/lib/conversations/follow';
import { FOLLOW_UP_STAGES, type FollowUpStage } from '@/lib/conversations/follow-up';
import type { ItemConversation, ItemKey } from '@/lib/conversations/item';
import type { StartInput } from '@/lib/conversations/start-input';
import { CONVERSATION_STATES } from '@/lib/conversations/state';
import type { ReplyOf, RequestType } from '@/lib/protocol/messages';

/*
 * The page-side checks of the GitHub UI bundle, which carries no zod: by hand, one for each reply a GitHub page
 * may receive (its rows of the message table, lib/protocol/messages.ts) and each message a port posts to it
 * (lib/protocol/ports.ts). Each reads only the fields the page uses; a unit test holds them to the zod schemas.
 * Extension pages check the same with the schemas themselves.
 */

/** Checks what the background sent before a page trusts it (a zod schema is one too). */
export interface ReplyCheck<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

const check = <T>(is: (data: unknown) => data is T): ReplyCheck<T> => ({
  safeParse: (data) => (is(data) ? { success: true, data } : { success: false }),
});

/** For replies nobody reads (`options.open`). */
export const anyReply: ReplyCheck<unknown> = { safeParse: (data) => ({ success: true, data }) };
const nullReply = check((data): data is null => data === null);

const STATES: ReadonlySet<string> = new Set(CONVERSATION_STATES);
const STAGES: ReadonlySet<string> = new Set(FOLLOW_UP_STAGES);
/** Whether `value` is an object whose fields can be read (what every hand check starts with). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);
const isWebAddress = (value: unknown) => isString(value) && /^https?:\/\//.test(value);
const isPullNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The parts of a conversation record a GitHub page reads (the progress toast). */
export type RecordSummary = FollowedRecord;

/** Whether `value` has every field of a record the toast reads, each of the right type. */
export function isRecordSummary(value: unknown): value is RecordSummary {
  if (!isObject(value)) return false;
  return (
    isString(value.id) &&
    value.id !== '' &&
    isWebAddress(value.serverUrl) &&
    isStringOrNull(value.taskId) &&
    isStringOrNull(value.conversationId) &&
    isString(value.title) &&
    isString(value.state) &&
    STATES.has(value.state) &&
    isStringOrNull(value.startStatus) &&
    isStringOrNull(value.detail) &&
    isStringOrNull(value.lastPolledAt) &&
    (value.retrying === undefined || typeof value.retrying === 'boolean')
  );
}

/** What `conversation.start` answers, as a GitHub page reads it. */
export const recordReply = check(isRecordSummary);

/** Whether `value` is a conversation as the status control shows it; its link must be a web address. */
export function isItemConversation(value: unknown): value is ItemConversation {
  if (!isObject(value)) return false;
  return (
    isString(value.id) &&
    value.id !== '' &&
    isWebAddress(value.url) &&
    isString(value.title) &&
    isString(value.state) &&
    STATES.has(value.state) &&
    isStringOrNull(value.stage) &&
    Array.isArray(value.pullNumbers) &&
    value.pullNumbers.every(isPullNumber) &&
    isStringOrNull(value.repository) &&
    (value.apiVersion === 'v1' || value.apiVersion === 'v0') &&
    isString(value.createdAt) &&
    isString(value.updatedAt) &&
    typeof value.retrying === 'boolean' &&
    isStringOrNull(value.lastAnswerAt)
  );
}

/** How a follow-up ended, as a GitHub page reads it (the background's `FollowUpResult`). */
export type FollowUpReply =
  | { kind: 'sent'; record: RecordSummary }
  | { kind: 'queued'; record: RecordSummary; position: number }
  /** `restart` goes back to the background as `conversation.start`, which checks it in full. */
  | { kind: 'archived'; record: RecordSummary; restart: StartInput }
  | { kind: 'unsupported'; reason: string };

function isStartInput(value: unknown): value is StartInput {
  return isObject(value) && isString(value.message) && (value.title === undefined || isString(value.title));
}

function readFollowUpResult(data: unknown): FollowUpReply | undefined {
  if (!isObject(data)) return undefined;
  if (data.kind === 'unsupported')
    return isString(data.reason) ? { kind: 'unsupported', reason: data.reason } : undefined;
  const { record } = data;
  if (!isRecordSummary(record)) return undefined;
  if (data.kind === 'sent') return { kind: 'sent', record };
  if (data.kind === 'queued' && Number.isSafeInteger(data.position))
    return { kind: 'queued', record, position: data.position as number };
  if (data.kind === 'archived' && isStartInput(data.restart))
    return { kind: 'archived', record, restart: data.restart };
  return undefined;
}

/** What `followUp.send` answers, as a GitHub page reads it. */
export const followUpReply: ReplyCheck<FollowUpReply> = {
  safeParse: (data) => {
    const read = readFollowUpResult(data);
    return read ? { success: true, data: read } : { success: false };
  },
};

/** What `followUp.sentReviewItems` answers. */
export const sentReviewItemsReply = check(
  (data): data is { sent: string[] } =>
    isObject(data) && Array.isArray(data.sent) && data.sent.every((id) => isString(id)),
);

/** A reply a GitHub page may receive, as it reads it: the row's own type, or a narrower one. */
type GitHubReply<T extends RequestType> = T extends 'conversation.start'
  ? RecordSummary
  : T extends 'followUp.send'
    ? FollowUpReply
    : ReplyOf<T>;

/**
 * The check of each reply a GitHub page may receive. Keyed by the message table's rows that GitHub pages may
 * send (a unit test checks that there is one for each and only those).
 */
export const GITHUB_REPLY_CHECKS: {
  [T in
    | 'conversation.start'
    | 'options.open'
    | 'ui.load'
    | 'threads.load'
    | 'followUp.send'
    | 'followUp.sentReviewItems']: ReplyCheck<GitHubReply<T>>;
} = {
  'conversation.start': recordReply,
  'options.open': anyReply,
  'ui.load': nullReply,
  'threads.load': nullReply,
  'followUp.send': followUpReply,
  'followUp.sentReviewItems': sentReviewItemsReply,
};
export type GitHubRequestType = keyof typeof GITHUB_REPLY_CHECKS;
export type GitHubReplyOf<T extends GitHubRequestType> = GitHubReply<T>;

/** The record on a record port (lib/protocol/ports.ts) for `id`, or null once it is no longer stored; else undefined. */
export function readRecordMessage(message: unknown, id: string): RecordSummary | null | undefined {
  if (!isObject(message) || message.type !== 'conversation.record') return undefined;
  if (message.record === null) return null;
  return isRecordSummary(message.record) && message.record.id === id ? message.record : undefined;
}

/**
 * The conversations of an item port's message for `item`, leaving out any that does not fit (the others still
 * show); undefined for anything else.
 */
export function readItemMessage(message: unknown, item: ItemKey): ItemConversation[] | undefined {
  if (!isObject(message)) return undefined;
  const { type, item: key, conversations } = message;
  if (type !== 'item.conversations' || key !== item || !Array.isArray(conversations)) return undefined;
  return conversations.filter(isItemConversation);
}

/** A follow-up port's progress stage, or undefined when the message is not one. */
export function readProgress(message: unknown): FollowUpStage | undefined {
  if (!isObject(message)) return undefined;
  const { type, stage } = message;
  return type === 'followUp.progress' && isString(stage) && STAGES.has(stage)
    ? (stage as FollowUpStage)
    : undefined;
}
