import { isRecordSummary, type RecordSummary } from '@/lib/content/ui/start/record-check';
import type { FollowPort } from '@/lib/content/ui/start/record-watch';
import { FOLLOW_UP_PORT, FOLLOW_UP_STAGES, type FollowUpStage } from '@/lib/conversations/follow-up';
import type { StartInput } from '@/lib/conversations/start-input';
import type { MessageError } from '@/lib/errors/error';
import { EXTENSION_MESSAGES, uncertainReason } from '@/lib/errors/messages';
import type { Reply } from '@/lib/protocol/messages';
import { newRequestId, RELOADED, RESEND_WAIT_MS, type ReplyCheck, readReply } from '@/lib/protocol/send';

/*
 * The page's end of a follow-up port (the protocol is in lib/conversations/follow-up.ts): the request goes
 * first, then progress messages and one result arrive. Checked by hand: the GitHub UI has no zod.
 */

/** How a follow-up ended, as this page reads it (the background's `FollowUpResult`). */
export type FollowUpReply =
  | { kind: 'sent'; record: RecordSummary }
  | { kind: 'queued'; record: RecordSummary; position: number }
  /** `restart` goes back to the background as `conversation.start`, which checks it in full. */
  | { kind: 'archived'; record: RecordSummary; restart: StartInput }
  | { kind: 'unsupported'; reason: string };

export type FollowUpSend = {
  /** The stored record id of the conversation (`ItemConversation.id`). */
  conversation: string;
  text: string;
  /** "Send new review comments": what the text carries, remembered as sent once delivered. */
  reviewItemIds?: string[];
};

const STAGES: ReadonlySet<string> = new Set(FOLLOW_UP_STAGES);

function isStartInput(value: unknown): value is StartInput {
  if (typeof value !== 'object' || value === null) return false;
  const { message, title } = value as Record<string, unknown>;
  return typeof message === 'string' && (title === undefined || typeof title === 'string');
}

function readResult(data: unknown): FollowUpReply | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const result = data as Record<string, unknown>;
  if (result.kind === 'unsupported') {
    return typeof result.reason === 'string' ? { kind: 'unsupported', reason: result.reason } : undefined;
  }
  const { record } = result;
  if (!isRecordSummary(record)) return undefined;
  if (result.kind === 'sent') return { kind: 'sent', record };
  if (result.kind === 'queued' && Number.isSafeInteger(result.position)) {
    return { kind: 'queued', record, position: result.position as number };
  }
  if (result.kind === 'archived' && isStartInput(result.restart)) {
    return { kind: 'archived', record, restart: result.restart };
  }
  return undefined;
}

/** What `followUp.send` answers, checked by hand. */
export const followUpReply: ReplyCheck<FollowUpReply> = {
  safeParse: (data) => {
    const read = readResult(data);
    return read ? { success: true, data: read } : { success: false };
  },
};

/** A progress stage from a port message, or undefined when it is not one. */
export function readProgress(message: unknown): FollowUpStage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, stage } = message as Record<string, unknown>;
  return type === 'followUp.progress' && typeof stage === 'string' && STAGES.has(stage)
    ? (stage as FollowUpStage)
    : undefined;
}

/** The page lost the background for good half-way: the text may have reached the conversation. */
function unconfirmed(url: string | undefined): MessageError {
  return {
    code: 'delivery_unconfirmed',
    message: EXTENSION_MESSAGES.delivery_unconfirmed({ detail: uncertainReason('no_reply') }),
    action: 'conversation',
    ...(url && { url }),
  };
}

/** One port: the request, its stages, and its result; `null` when the port ended without one. */
function overPort(
  connect: (name: string) => FollowPort,
  message: unknown,
  onStage: (stage: FollowUpStage) => void,
): Promise<Reply<FollowUpReply> | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (reply: Reply<FollowUpReply> | null) => {
      if (done) return;
      done = true;
      resolve(reply);
    };
    let port: FollowPort;
    try {
      port = connect(FOLLOW_UP_PORT);
    } catch {
      finish({ ok: false, error: RELOADED });
      return;
    }
    port.onMessage.addListener((message) => {
      if (done) return;
      const stage = readProgress(message);
      if (stage) return onStage(stage);
      const { type, reply } = (message ?? {}) as Record<string, unknown>;
      if (type !== 'followUp.result') return;
      finish(readReply(reply, followUpReply));
      port.disconnect();
    });
    port.onDisconnect.addListener(() => finish(null));
    port.postMessage?.(message);
  });
}

/**
 * Sends a follow-up over a new port and resolves with its result; `onStage` hears each stage on the way.
 * Always resolves, and the caller keeps the text whatever went wrong. A port that ends without a result (the
 * browser stopped the service worker) is opened again once with the same request id: the new worker answers
 * with the outcome, delivers what had not left yet, and never delivers twice (lib/background/handlers/
 * follow-up.ts). When that fails too, the text may have arrived: `delivery_unconfirmed`, linking `url`.
 */
export async function deliverFollowUp(
  connect: (name: string) => FollowPort,
  request: FollowUpSend,
  onStage: (stage: FollowUpStage) => void,
  { url, wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }: DeliveryOptions = {},
): Promise<Reply<FollowUpReply>> {
  const message = { type: 'followUp.send', ...request, requestId: newRequestId() };
  const first = await overPort(connect, message, onStage);
  if (first) return first;
  await wait(RESEND_WAIT_MS);
  const again = await overPort(connect, message, onStage);
  if (again?.ok) return again;
  // Could not even connect again (the extension was reloaded), or the background went away again
  if (!again || again.error.code === 'reloaded') return { ok: false, error: unconfirmed(url) };
  return again;
}

export type DeliveryOptions = {
  /** The conversation's page, linked when the outcome is unknown. */
  url?: string;
  wait?(ms: number): Promise<void>;
};
