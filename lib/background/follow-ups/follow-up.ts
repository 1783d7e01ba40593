import { type Delivery, deliverFollowUp } from '@/lib/background/follow-ups/deliver';
import { alreadySent, rememberSent } from '@/lib/background/follow-ups/sent-review-items';
import { createJournal } from '@/lib/background/journal';
import {
  findConversation,
  loadConversations,
  updateConversations,
} from '@/lib/background/records/conversation-store';
import { type ConnectionDeps, connect } from '@/lib/background/settings/connection';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import type { FollowUpResult, SentReviewItems } from '@/lib/conversations/follow-up-schema';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { createOpenHandsError, OpenHandsError, toOpenHandsError } from '@/lib/errors/error';
import { errorMessage, SPECIFIC_ERRORS } from '@/lib/errors/messages';
import { restartInput } from '@/lib/prompts/follow-up';
import type { RequestOf } from '@/lib/protocol/messages';
import { type PendingFollowUp, pendingFollowUpsItem } from '@/lib/storage/pending-follow-ups';

/*
 * `followUp.send` and `followUp.sentReviewItems`: a follow-up to a conversation this extension started, and
 * what "Send new review comments" already sent. The delivery itself is lib/background/follow-ups/deliver.ts;
 * this wires it to the stored records, the server the conversation lives on, and polling.
 */

export type FollowUpRequest = RequestOf<'followUp.send'>;
export type SentReviewItemsRequest = RequestOf<'followUp.sentReviewItems'>;

export interface FollowUpDeps extends ConnectionDeps {
  now(): Date;
  /** Wakes the poller, so a conversation running again is followed. */
  schedulePoll(): void;
  /** Called with every record after one changed (the toolbar badge). */
  onRecords(records: ConversationRecord[]): Promise<void>;
  /** Waits between status reads while a sandbox starts; a timer unless a test says otherwise. */
  sleep?(ms: number): Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function recordFor(ref: string): Promise<ConversationRecord> {
  const record = await findConversation(ref);
  if (!record)
    throw new OpenHandsError(SPECIFIC_ERRORS.followUpUnknown.code, SPECIFIC_ERRORS.followUpUnknown.message);
  return record;
}

const unsupported = (): FollowUpResult => ({
  kind: 'unsupported',
  reason: errorMessage('follow_up_unsupported'),
});

/** Applies `change` to the stored record `id`; returns it as stored (or as given, if it is gone meanwhile). */
async function updateRecord(
  record: ConversationRecord,
  change: (r: ConversationRecord) => ConversationRecord,
): Promise<ConversationRecord> {
  return updateConversations((records) => {
    const current = records.find((r) => r.id === record.id) ?? record;
    const next = change(current);
    return { records: records.map((r) => (r.id === record.id ? next : r)), result: next };
  });
}

/**
 * Running again: polled like any running conversation, and a new notification when it is done. The first
 * poll waits its usual interval, so the agent has picked the message up before its status is read.
 */
function runningAgain(record: ConversationRecord, conversationId: string, now: Date): ConversationRecord {
  const at = now.toISOString();
  return {
    ...record,
    conversationId: record.conversationId ?? conversationId,
    state: 'running',
    startStatus: record.startStatus === null ? null : 'READY',
    detail: null,
    updatedAt: at,
    lastPolledAt: at,
    pollFailure: null,
    polling: true,
    notifiedState: null,
  };
}

/** The server says it is archived: no more polling. */
function archived(record: ConversationRecord, conversationId: string, now: Date): ConversationRecord {
  return {
    ...record,
    conversationId: record.conversationId ?? conversationId,
    state: 'archived',
    updatedAt: now.toISOString(),
    polling: false,
    pollFailure: null,
  };
}

/** Stores what the delivery changed and says how it ended. Review items count as sent once delivered. */
async function settle(
  request: FollowUpRequest,
  record: ConversationRecord,
  delivery: Delivery,
  deps: FollowUpDeps,
): Promise<FollowUpResult> {
  const now = deps.now();
  if (delivery.kind === 'archived') {
    const stored = await updateRecord(record, (r) => archived(r, delivery.conversationId, now));
    await deps.onRecords(await loadConversations());
    return { kind: 'archived', record: stored, restart: restartInput(stored, request.text) };
  }
  await rememberSent(record.id, request.reviewItemIds ?? [], now);
  if (delivery.kind === 'queued') return { kind: 'queued', record, position: delivery.position };
  const stored = await updateRecord(record, (r) => runningAgain(r, delivery.conversationId, now));
  await deps.onRecords(await loadConversations());
  deps.schedulePoll();
  return { kind: 'sent', record: stored };
}

/** How long a follow-up's journal entry is kept: longer than a delivery may wait for its sandbox. */
export const PENDING_FOLLOW_UP_TTL_MS = 10 * 60_000;

// One per worker, so that concurrent deliveries change it one at a time. Real time: it only ages entries.
const journal = createJournal(pendingFollowUpsItem, PENDING_FOLLOW_UP_TTL_MS, Date.now);

/** A follow-up whose text may have reached the conversation, with the link to check it. */
function unconfirmedDelivery(record: ConversationRecord, detail?: string): OpenHandsError {
  const error = createOpenHandsError('delivery_unconfirmed', detail ? { detail } : {});
  return new OpenHandsError(error.code, error.message, { action: 'conversation', url: recordUrl(record) });
}

/**
 * Delivers a follow-up to a conversation this extension started, on the server it lives on, reporting each
 * stage to `onStage`. Failures throw (nothing was sent, nothing is remembered as sent), or
 * `delivery_unconfirmed` when the text may have reached the conversation.
 *
 * With the page's `requestId`, it is delivered at most once however often it is asked (issue 17): each stage is
 * noted in session storage before the request that carries the text leaves, so a page that lost its answer
 * (the worker stopped) and asks again gets the outcome, or, when the text may have left under the stopped
 * worker, `delivery_unconfirmed` with the link to the conversation: never a second delivery.
 */
export async function sendFollowUp(
  request: FollowUpRequest,
  deps: FollowUpDeps,
  onStage: (stage: FollowUpStage) => void = () => {},
): Promise<FollowUpResult> {
  const record = await recordFor(request.conversation);
  const id = request.requestId;
  const earlier = id ? (await journal.entries())[id] : undefined;
  if (earlier?.result) return earlier.result;
  if (earlier && earlier.stage !== 'checking') throw unconfirmedDelivery(record);
  const note = (change: (entry: PendingFollowUp) => PendingFollowUp | undefined) =>
    id
      ? journal.update((entries) => {
          const next = change(
            entries[id] ?? {
              conversation: record.id,
              at: new Date().toISOString(),
              stage: 'checking',
              result: null,
            },
          );
          if (next) entries[id] = next;
          else delete entries[id];
        })
      : Promise.resolve();

  if (record.apiVersion === 'v0') return unsupported();
  const connection = await connect(deps, { serverUrl: record.serverUrl });
  // The server may have been replaced by an older one since the conversation started.
  if (connection.apiVersion === 'v0') return unsupported();
  await note((entry) => entry);
  try {
    const delivery = await deliverFollowUp(record, request.text, {
      client: connection.client,
      onStage,
      commit: (stage) => note((entry) => ({ ...entry, stage })),
      sleep: deps.sleep ?? sleepFor,
      now: () => deps.now().getTime(),
    });
    const result = await settle(request, record, delivery, deps);
    await note((entry) => ({ ...entry, result }));
    return result;
  } catch (error) {
    const failure = toOpenHandsError(error);
    if (failure.code === 'delivery_unconfirmed') throw unconfirmedDelivery(record, failure.detail);
    // Nothing was sent: the same request may go again
    await note(() => undefined);
    throw error;
  }
}

/** Which of the asked-for review items already reached the conversation. */
export async function sentReviewItems(request: SentReviewItemsRequest): Promise<SentReviewItems> {
  const record = await recordFor(request.conversation);
  return { sent: await alreadySent(record.id, request.ids) };
}
