import type { ConversationRecord } from '@/lib/conversations/record';
import { t } from '@/lib/i18n';

/*
 * Follow-ups: a message sent to a conversation this extension started, after it started. The stages a delivery
 * goes through and their labels. No zod, so the GitHub content script may import it; the result's schema is in
 * follow-up-schema.ts, the delivery itself in lib/background/follow-ups/.
 *
 * A page sends one over a `follow-up` port (lib/protocol/ports.ts): its first message is the request
 * `{type: 'followUp.send', conversation: record.id, text, reviewItemIds, requestId}` (checked like every
 * message, lib/protocol/messages.ts); the background answers with zero or more `{type: 'followUp.progress',
 * stage}` (show followUpStageLabel(stage)) and exactly one `{type: 'followUp.result', reply}` (the reply
 * envelope: keep the text on an error), then disconnects. A disconnect without a result means the background
 * went away: say so, and keep the text. The same request sent with `runtime.sendMessage` gets only the result.
 * The port is the better way for anything that may wait: its progress messages (every few seconds while a
 * sandbox starts) also keep the service worker awake.
 *
 * "Send new review comments": ask `{type: 'followUp.sentReviewItems', conversation, ids}` which of the page's
 * review comment and review summary ids already went to the conversation; send the rest as one follow-up
 * with `reviewItemIds` (say "No new review comments" when nothing is left). They are remembered as sent only
 * once the follow-up is delivered (`sent` or `queued`).
 */

/**
 * Where a delivery is, in the order they can happen: reading the conversation's status, resuming its paused
 * sandbox, waiting for it to run (repeated every few seconds while waiting), sending with send-message, or
 * queueing for a conversation still starting. A 409 from send-message goes back to `resuming` once.
 */
export const FOLLOW_UP_STAGES = [
  'checking',
  'resuming',
  'waiting_for_sandbox',
  'sending',
  'queueing',
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

/**
 * How a delivery ended, when it did not fail: `sent` to a running conversation (shown as Running again),
 * `queued` for one still starting (the server delivers it when the start is ready), `archived` (nothing
 * sent; offer "Start a new conversation with this context"), or `unsupported` on a server without the V1 API.
 */
export const FOLLOW_UP_OUTCOMES = ['sent', 'queued', 'archived', 'unsupported'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** The words of each stage and outcome, read in the user's language when shown. */
const LABELS: Record<FollowUpStage | FollowUpOutcome, () => string> = {
  checking: () => t('states.followUp.checking'),
  resuming: () => t('states.followUp.resuming'),
  waiting_for_sandbox: () => t('states.followUp.waitingForSandbox'),
  sending: () => t('states.followUp.sending'),
  queueing: () => t('states.followUp.queueing'),
  sent: () => t('states.followUp.sent'),
  queued: () => t('states.followUp.queued'),
  archived: () => t('states.followUp.archived'),
  unsupported: () => t('states.followUp.unsupported'),
};

/** A stage or an outcome as users read it. */
export function followUpStageLabel(stage: FollowUpStage | FollowUpOutcome): string {
  return LABELS[stage]();
}

/**
 * Whether a conversation can take follow-ups: only through the V1 API. Where it cannot, pages hide the
 * follow-up entries and say why with `EXTENSION_MESSAGES.follow_up_unsupported` (lib/errors/messages.ts); the
 * background answers `unsupported` too, also for a server that was replaced by an older one since.
 */
export function canFollowUp(record: Pick<ConversationRecord, 'apiVersion'>): boolean {
  return record.apiVersion === 'v1';
}

/** The label offered next to an `archived` outcome; the UI starts `restart` when it is chosen. */
export function restartLabel(): string {
  return t('states.followUp.restart');
}

/** The most review comments and summaries one follow-up may list as sent (and one question may ask about). */
export const MAX_REVIEW_ITEMS = 500;
