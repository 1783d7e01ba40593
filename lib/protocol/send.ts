import { browser } from '#imports';
import { isErrorAction, isErrorCode } from '@/lib/errors/codes';
import type { MessageError } from '@/lib/errors/error';
import { EXTENSION_MESSAGES, uncertainReason } from '@/lib/errors/messages';
import { isObject, type ReplyCheck } from '@/lib/protocol/checks';
import type { Reply, Request } from '@/lib/protocol/messages';

/*
 * How the extension's pages and the GitHub UI bundle send a request and read its reply envelope (the table:
 * lib/protocol/messages.ts; the reply's check comes from `ask`, lib/protocol/ask.ts). No zod: the GitHub UI uses it.
 */

const pageError = (code: keyof typeof EXTENSION_MESSAGES): MessageError => ({
  code,
  message: EXTENSION_MESSAGES[code]({}),
});
export const NO_REPLY = pageError('no_reply');
export const RELOADED = pageError('reloaded');
/** The background answered, but not with what this page expects (e.g. a page older than the worker). */
export const BAD_REPLY = pageError('bad_reply');

/**
 * An error as the page shows it: code and message, plus only the optional fields that are well formed. A code
 * this page does not know (a worker newer than the page) still shows its message, as `unknown`.
 */
function readError(error: unknown): MessageError {
  if (!isObject(error) || typeof error.code !== 'string' || typeof error.message !== 'string')
    return BAD_REPLY;
  const read: MessageError = {
    code: isErrorCode(error.code) ? error.code : 'unknown',
    message: error.message,
  };
  for (const key of ['retryAfterSeconds', 'limit', 'current'] as const) {
    const value = error[key];
    if (typeof value === 'number') read[key] = value;
  }
  if (isErrorAction(error.action)) read.action = error.action;
  if (typeof error.url === 'string' && /^https?:\/\//.test(error.url)) read.url = error.url;
  return read;
}

/**
 * The envelope and, on success, its data checked by `check`; anything else is an error reply. Also for replies
 * that come another way than `sendMessage` (the last message on a follow-up port).
 */
export function readReply<T>(reply: unknown, check: ReplyCheck<T>): Reply<T> {
  if (reply === undefined) return { ok: false, error: NO_REPLY };
  if (!isObject(reply) || typeof reply.ok !== 'boolean') return { ok: false, error: BAD_REPLY };
  if (!reply.ok) return { ok: false, error: readError(reply.error) };
  const parsed = check.safeParse(reply.data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: BAD_REPLY };
}

/**
 * Asks the background for something and checks its answer with `check`. Always resolves: failures,
 * including answers that do not match, come back as `{ok: false, error}` with a user-facing message.
 */
export async function sendMessage<T>(request: Request, check: ReplyCheck<T>): Promise<Reply<T>> {
  try {
    return readReply(await browser.runtime.sendMessage(request), check);
  } catch (error) {
    const invalidated = String(error).includes('Extension context invalidated');
    return { ok: false, error: invalidated ? RELOADED : NO_REPLY };
  }
}

/** A new id for one user action (a click, a Send), for requests the background acts on once (`requestIdSchema`). */
export const newRequestId = (): string => crypto.randomUUID();

/** How often a request carrying a request id is sent when the background does not answer, and how far apart. */
export const RESEND_ATTEMPTS = 3;
export const RESEND_WAIT_MS = 1_000;

/**
 * Sends a request that carries a request id (`send` sends the same one each time, so the background acts on it
 * once), again when the background did not answer: the browser may have stopped the service worker half-way,
 * and the next message starts a new one, which finds the request's note (issue 17).
 */
export async function sendRepeatable<T>(
  send: () => Promise<Reply<T>>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Reply<T>> {
  for (let attempt = 1; ; attempt++) {
    const reply = await send();
    if (reply.ok || reply.error.code !== 'no_reply' || attempt >= RESEND_ATTEMPTS) return reply;
    await wait(RESEND_WAIT_MS);
  }
}

/**
 * A start's error as the page shows it. When the page never read the background's answer (none came, or one it
 * cannot read), the start may have happened: say so, rather than invite a second conversation.
 */
export function startError(error: MessageError): MessageError {
  if (error.code !== 'no_reply' && error.code !== 'bad_reply') return error;
  return {
    code: 'start_unconfirmed',
    message: EXTENSION_MESSAGES.start_unconfirmed({ detail: uncertainReason(error.code) }),
  };
}
