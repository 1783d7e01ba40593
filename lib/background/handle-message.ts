import { classifySender, type ExtensionIdentity, type Sender } from '@/lib/background/sender';
import {
  CONTENT_SCRIPT_TYPES,
  GITHUB_TAB_ONLY_TYPES,
  type MessageError,
  type Reply,
  type Request,
  requestSchema,
} from '@/lib/messages';

/** One function per request type; each returns its reply data or throws an error with a user-facing message. */
export type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, sender: Sender) => Promise<unknown>;
};

export interface HandleDeps {
  self: ExtensionIdentity;
  handlers: Handlers;
  toError(error: unknown): MessageError | Promise<MessageError>;
}

const reject = (code: string, message: string): Reply<never> => ({ ok: false, error: { code, message } });

/** Validates a message, checks who sent it, then runs its handler. Never throws. */
export async function handleMessage(raw: unknown, sender: Sender, deps: HandleDeps): Promise<Reply<unknown>> {
  const kind = classifySender(sender, deps.self);
  if (kind === 'untrusted') return reject('forbidden', 'This sender may not talk to Send to OpenHands.');
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success)
    return reject('bad_request', 'The extension received a message it does not understand.');
  const request = parsed.data;
  if (kind === 'github-tab' && !CONTENT_SCRIPT_TYPES.has(request.type)) {
    return reject('forbidden', 'GitHub pages may not send this message.');
  }
  if (kind !== 'github-tab' && GITHUB_TAB_ONLY_TYPES.has(request.type)) {
    return reject('forbidden', 'Only a GitHub tab may send this message.');
  }
  try {
    const handler = deps.handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
    return { ok: true, data: await handler(request, sender) };
  } catch (error) {
    return { ok: false, error: await deps.toError(error) };
  }
}
