import { classifySender, type ExtensionIdentity, type Sender } from '@/lib/background/sender';
import type { MessageError } from '@/lib/errors/error';
import { SPECIFIC_ERRORS } from '@/lib/errors/messages';
import { CONTENT_SCRIPT_TYPES, type Reply, type Request, requestSchema } from '@/lib/messages';

/** One function per request type; each returns its reply data or throws an error with a user-facing message. */
export type Handlers = {
  [K in Request['type']]: (request: Extract<Request, { type: K }>, sender: Sender) => Promise<unknown>;
};

export interface HandleDeps {
  self: ExtensionIdentity;
  handlers: Handlers;
  toError(error: unknown): MessageError | Promise<MessageError>;
}

const reject = ({ code, message }: MessageError): Reply<never> => ({ ok: false, error: { code, message } });

/** Validates a message, checks who sent it, then runs its handler. Never throws. */
export async function handleMessage(raw: unknown, sender: Sender, deps: HandleDeps): Promise<Reply<unknown>> {
  const kind = classifySender(sender, deps.self);
  if (kind === 'untrusted') return reject(SPECIFIC_ERRORS.untrustedSender);
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return reject(SPECIFIC_ERRORS.malformedRequest);
  const request = parsed.data;
  if (kind === 'github-tab' && !CONTENT_SCRIPT_TYPES.has(request.type)) {
    return reject(SPECIFIC_ERRORS.notFromGitHubPages);
  }
  try {
    const handler = deps.handlers[request.type] as (r: Request, s: Sender) => Promise<unknown>;
    return { ok: true, data: await handler(request, sender) };
  } catch (error) {
    return { ok: false, error: await deps.toError(error) };
  }
}
