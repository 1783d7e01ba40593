import { admitRequest, type HandleDeps, runHandler } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import type { BackgroundPort } from '@/lib/background/ports/port';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import { SPECIFIC_ERRORS } from '@/lib/errors/messages';
import type { Reply } from '@/lib/protocol/messages';
import { type FollowUpPortMessage, PORTS } from '@/lib/protocol/ports';

/*
 * The background's end of a follow-up port (lib/protocol/ports.ts `followUp`). The first message is the request
 * the row carries, admitted exactly like a `runtime.sendMessage` one (sender, contract, who may send it); the
 * port then carries progress and one result, and is closed. A page that goes away
 * does not stop the delivery: the user asked for it, and stopping half-way could leave a sandbox resumed for
 * nothing.
 */

export type FollowUpPort = BackgroundPort<FollowUpPortMessage>;

export interface PortDeps extends HandleDeps {
  /** How long a new port may stay silent before it is closed. */
  firstMessageTimeoutMs?: number;
}

/** A page sends its request as soon as it connects; a port that stays silent is closed. */
export const FIRST_MESSAGE_TIMEOUT_MS = 10_000;

/** Only follow-ups travel on this port. */
const NOT_A_FOLLOW_UP: Reply<never> = {
  ok: false,
  error: { code: SPECIFIC_ERRORS.malformedRequest.code, message: SPECIFIC_ERRORS.malformedRequest.message },
};

/** Serves one follow-up port (its name and sender already checked, lib/background/ports/serve.ts). */
export function serveFollowUpPort(port: FollowUpPort, deps: PortDeps): void {
  const sender: Sender = port.sender ?? {};
  let open = true;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    clearTimeout(silence);
    if (!open) return;
    open = false;
    port.disconnect();
  };
  // Posting to a port the page closed throws; the delivery goes on regardless.
  const post = (message: FollowUpPortMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      open = false;
    }
  };
  const onFirstMessage = async (raw: unknown) => {
    port.onMessage.removeListener(onFirstMessage);
    clearTimeout(silence);
    const admitted = admitRequest(raw, sender, deps.self);
    let reply: Reply<unknown>;
    if ('refusal' in admitted) reply = admitted.refusal;
    else if (admitted.request.type !== PORTS.followUp.carries) reply = NOT_A_FOLLOW_UP;
    else {
      const onProgress = (stage: FollowUpStage) => post({ type: 'followUp.progress', stage });
      reply = await runHandler(admitted.request, sender, deps, onProgress);
    }
    post({ type: 'followUp.result', reply });
    close();
  };
  port.onDisconnect.addListener(() => {
    open = false;
    clearTimeout(silence);
  });
  port.onMessage.addListener(onFirstMessage);
  silence = setTimeout(close, deps.firstMessageTimeoutMs ?? FIRST_MESSAGE_TIMEOUT_MS);
}
