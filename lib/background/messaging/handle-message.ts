import { classifySender, type ExtensionIdentity, type Sender } from '@/lib/background/messaging/sender';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import type { MessageError } from '@/lib/errors/error';
import { SPECIFIC_ERRORS } from '@/lib/errors/messages';
import { maySend, type Reply, type Request, requestSchema } from '@/lib/protocol/messages';

/** Where a handler reports how far it got, when its caller listens (a follow-up port); ignored otherwise. */
export type OnProgress = (stage: FollowUpStage) => void;

/** One function per request type; each returns its reply data or throws an error with a user-facing message. */
export type Handlers = {
  [K in Request['type']]: (
    request: Extract<Request, { type: K }>,
    sender: Sender,
    onProgress?: OnProgress,
  ) => Promise<unknown>;
};

export interface HandleDeps {
  self: ExtensionIdentity;
  handlers: Handlers;
  toError(error: unknown): MessageError | Promise<MessageError>;
}

const reject = ({ code, message }: MessageError): Reply<never> => ({ ok: false, error: { code, message } });

/**
 * The checks every request passes before a handler sees it: who sent it, whether it keeps to the contract,
 * and whether that sender may send it. Returns the parsed request, or the reply refusing it.
 */
export function admitRequest(
  raw: unknown,
  sender: Sender,
  self: ExtensionIdentity,
): { request: Request } | { refusal: Reply<never> } {
  const kind = classifySender(sender, self);
  if (kind === 'untrusted') return { refusal: reject(SPECIFIC_ERRORS.untrustedSender) };
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return { refusal: reject(SPECIFIC_ERRORS.malformedRequest) };
  const request = parsed.data;
  // Who may send what is the message table's (lib/protocol/messages.ts)
  if (!maySend(request.type, kind === 'github-tab' ? 'github' : 'pages')) {
    const refusal =
      kind === 'github-tab' ? SPECIFIC_ERRORS.notFromGitHubPages : SPECIFIC_ERRORS.onlyFromGitHubTabs;
    return { refusal: reject(refusal) };
  }
  return { request };
}

/** Runs the handler of an admitted request. Never throws: failures become error replies. */
export async function runHandler(
  request: Request,
  sender: Sender,
  deps: HandleDeps,
  onProgress?: OnProgress,
): Promise<Reply<unknown>> {
  try {
    const handler = deps.handlers[request.type] as (
      r: Request,
      s: Sender,
      p?: OnProgress,
    ) => Promise<unknown>;
    return { ok: true, data: await handler(request, sender, onProgress) };
  } catch (error) {
    return { ok: false, error: await deps.toError(error) };
  }
}

/** Validates a message, checks who sent it, then runs its handler. Never throws. */
export async function handleMessage(raw: unknown, sender: Sender, deps: HandleDeps): Promise<Reply<unknown>> {
  const admitted = admitRequest(raw, sender, deps.self);
  if ('refusal' in admitted) return admitted.refusal;
  return runHandler(admitted.request, sender, deps);
}
