import { admitRequest, type HandleDeps, runHandler } from '@/lib/background/messaging/handle-message';
import { classifySender, type Sender } from '@/lib/background/messaging/sender';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { FOLLOW_UP_PORT, type FollowUpStage } from '@/lib/conversations/follow-up';
import type { FollowUpProgress } from '@/lib/conversations/follow-up-schema';
import { SPECIFIC_ERRORS } from '@/lib/errors/messages';
import type { Reply } from '@/lib/protocol/messages';

/*
 * The background's end of a follow-up port (the protocol is described in lib/conversations/follow-up.ts).
 * The first message is the request, admitted exactly like a `runtime.sendMessage` one (sender, contract,
 * GitHub-tab allowance); the port then carries progress and one result, and is closed. A page that goes away
 * does not stop the delivery: the user asked for it, and stopping half-way could leave a sandbox resumed for
 * nothing.
 */

export type FollowUpPort = BackgroundPort<unknown> & {
  readonly onMessage: { removeListener(listener: (message: unknown) => void): void };
};

export interface PortDeps extends HandleDeps {
  /** How long a new port may stay silent before it is closed. */
  firstMessageTimeoutMs?: number;
}

/** What the background posts (`followUpPortMessageSchema` on the page's side). */
type Outgoing = FollowUpProgress | { type: 'followUp.result'; reply: Reply<unknown> };

/** A page sends its request as soon as it connects; a port that stays silent is closed. */
export const FIRST_MESSAGE_TIMEOUT_MS = 10_000;

/** Only follow-ups travel on this port. */
const NOT_A_FOLLOW_UP: Reply<never> = {
  ok: false,
  error: { code: SPECIFIC_ERRORS.malformedRequest.code, message: SPECIFIC_ERRORS.malformedRequest.message },
};

/** Serves one port from `runtime.onConnect`; ports with another name are left alone. */
export function serveFollowUpPort(port: FollowUpPort, deps: PortDeps): void {
  if (port.name !== FOLLOW_UP_PORT) return;
  const sender: Sender = port.sender ?? {};
  // Something that is neither this extension's page nor a GitHub tab gets no answer at all.
  if (classifySender(sender, deps.self) === 'untrusted') {
    port.disconnect();
    return;
  }
  let open = true;
  let silence: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    clearTimeout(silence);
    if (!open) return;
    open = false;
    port.disconnect();
  };
  // Posting to a port the page closed throws; the delivery goes on regardless.
  const post = (message: Outgoing) => {
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
    else if (admitted.request.type !== 'followUp.send') reply = NOT_A_FOLLOW_UP;
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
