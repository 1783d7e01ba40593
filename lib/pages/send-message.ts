import { browser } from '#imports';
import type { MessageError, Reply, Request } from '@/lib/messages';

/**
 * Checks what the background answered before a page trusts it. A zod schema is one; the GitHub content
 * script, which must not bundle zod, passes a small hand-written check with the same shape.
 */
export interface ReplyCheck<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** For replies nobody reads (e.g. `options.open`). */
export const anyReply: ReplyCheck<unknown> = { safeParse: (data) => ({ success: true, data }) };

export const NO_REPLY: MessageError = {
  code: 'no_reply',
  message: 'The extension did not answer. Try again.',
};
export const RELOADED: MessageError = {
  code: 'reloaded',
  message: 'Send to OpenHands was updated or reloaded. Reload this page and try again.',
};
/** The background answered, but not with what this page expects (e.g. a page older than the worker). */
export const BAD_REPLY: MessageError = {
  code: 'bad_reply',
  message:
    'Send to OpenHands answered with something this page cannot read. Reload the page and try again; if it keeps happening, reload the extension.',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** An error as the page shows it: code and message, plus only the optional fields that are well formed. */
function readError(error: unknown): MessageError {
  if (!isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string')
    return BAD_REPLY;
  const read: MessageError = { code: error.code, message: error.message };
  for (const key of ['retryAfterSeconds', 'limit', 'current'] as const) {
    const value = error[key];
    if (typeof value === 'number') read[key] = value;
  }
  if (error.action === 'options' || error.action === 'conversations') read.action = error.action;
  if (typeof error.url === 'string' && /^https?:\/\//.test(error.url)) read.url = error.url;
  return read;
}

/** The envelope and, on success, its data checked by `check`; anything else is an error reply. */
function readReply<T>(reply: unknown, check: ReplyCheck<T>): Reply<T> {
  if (reply === undefined) return { ok: false, error: NO_REPLY };
  if (!isRecord(reply) || typeof reply.ok !== 'boolean') return { ok: false, error: BAD_REPLY };
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
