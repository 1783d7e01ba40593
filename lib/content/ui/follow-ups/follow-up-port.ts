import type { FollowUpStage } from '@/lib/conversations/follow-up';
import type { MessageError } from '@/lib/errors/error';
import { EXTENSION_MESSAGES, uncertainReason } from '@/lib/errors/messages';
import { type FollowUpReply, followUpReply, readProgress } from '@/lib/protocol/checks';
import type { Reply } from '@/lib/protocol/messages';
import { portName } from '@/lib/protocol/ports';
import { newRequestId, RELOADED, RESEND_WAIT_MS, readReply } from '@/lib/protocol/send';
import type { PagePort } from '@/lib/protocol/watch';

/*
 * The page's end of a follow-up port (its row: lib/protocol/ports.ts): the request goes first, then progress
 * messages and one result arrive, checked by hand (lib/protocol/checks.ts): the GitHub UI has no zod.
 */

export type FollowUpSend = {
  /** The stored record id of the conversation (`ItemConversation.id`). */
  conversation: string;
  text: string;
  /** "Send new review comments": what the text carries, remembered as sent once delivered. */
  reviewItemIds?: string[];
};

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
  connect: (name: string) => PagePort,
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
    let port: PagePort;
    try {
      port = connect(portName('followUp'));
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
      // The last message carries the reply envelope, read like any other reply
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
 * with the outcome, delivers what had not left yet, and never delivers twice (lib/background/follow-ups/
 * follow-up.ts). When that fails too, the text may have arrived: `delivery_unconfirmed`, linking `url`.
 */
export async function deliverFollowUp(
  connect: (name: string) => PagePort,
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
