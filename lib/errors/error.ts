import * as z from 'zod/mini';
import {
  DEFAULT_ACTIONS,
  ERROR_ACTIONS,
  ERROR_CODES,
  type ErrorAction,
  type ErrorCode,
} from '@/lib/errors/codes';
import { type ErrorContext, errorMessage } from '@/lib/errors/messages';
import { t } from '@/lib/i18n';
import { homeUrl, type ServerOrigin } from '@/lib/server/origin';

/** Facts only the message needs: they shape its wording and are not kept on the error. */
type MessageOnly = 'server' | 'timeoutMs' | 'cloud' | 'keySaved' | 'keySent';

/** Optional facts an error carries besides its code and message. */
export type ErrorExtra = Omit<ErrorContext, MessageOnly> & { action?: ErrorAction; url?: string };

/** An error whose `message` is safe to show and says what to do. It never holds the API key. */
export class OpenHandsError extends Error {
  override readonly name = 'OpenHandsError';
  readonly code: ErrorCode;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly limit?: number;
  readonly current?: number;
  /** Short server-provided text behind the message, e.g. a start task's `detail`. */
  readonly detail?: string;
  readonly action?: ErrorAction;
  /** Where the action's link leads, when the error itself knows. */
  readonly url?: string;

  constructor(code: ErrorCode, message: string, extra: ErrorExtra = {}) {
    super(message);
    this.code = code;
    // Assign only defined fields so the object stays tidy in logs and test equality checks.
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.limit !== undefined) this.limit = extra.limit;
    if (extra.current !== undefined) this.current = extra.current;
    if (extra.detail !== undefined) this.detail = extra.detail;
    // Callers may refine the link, e.g. `offline` for a self-hosted server → options.
    const action = extra.action ?? DEFAULT_ACTIONS[code];
    if (action) this.action = action;
    if (extra.url !== undefined) this.url = extra.url;
  }
}

/** Builds the error for `code` with its standard message. */
export function createOpenHandsError(code: ErrorCode, ctx: ErrorContext = {}): OpenHandsError {
  const { server: _s, timeoutMs: _t, cloud: _c, keySaved: _ks, keySent: _kt, ...extra } = ctx;
  return new OpenHandsError(code, errorMessage(code, ctx), extra);
}

/**
 * Normalises anything thrown around an API call. Foreign errors are classified by type only: their text is
 * dropped, because e.g. fetch's TypeError for a bad header value quotes the header (the key).
 */
export function toOpenHandsError(err: unknown, ctx: ErrorContext = {}): OpenHandsError {
  if (err instanceof OpenHandsError) return err;
  if (err instanceof Error || err instanceof DOMException) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return createOpenHandsError('timeout', ctx);
    if (err instanceof TypeError) return createOpenHandsError('offline', ctx);
    if (err instanceof SyntaxError)
      return createOpenHandsError('bad_response', { ...ctx, detail: t('errors.notJson') });
    if (err instanceof z.core.$ZodError)
      return createOpenHandsError('bad_response', { ...ctx, detail: zodHint(err) });
  }
  return createOpenHandsError('unknown', ctx);
}

/** A short pointer to the first field that failed, e.g. `items.0.id: Invalid input: expected string`. */
export function zodHint(err: z.core.$ZodError): string {
  const issue = err.issues[0];
  if (!issue) return t('errors.unexpectedShape');
  const path = issue.path.map(String).join('.');
  return (path ? `${path}: ${issue.message}` : issue.message).slice(0, 160);
}

/**
 * An error as it crosses the message boundary: plain data with a user-facing message, never the key. The
 * one wire form, built only by `serializeError`; zod/mini, so pages can check it cheaply.
 */
export const messageErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryAfterSeconds: z.optional(z.number()),
  limit: z.optional(z.number()),
  current: z.optional(z.number()),
  /** Which link the UI should offer next to the message. */
  action: z.optional(z.enum(ERROR_ACTIONS)),
  /** Where the `conversations` action leads: the server's home page, which lists recent conversations. */
  url: z.optional(z.url()),
});
export type MessageError = z.infer<typeof messageErrorSchema>;

export interface SerializeOptions {
  /**
   * The server the user works with. The concurrency limit asks the user to stop a conversation, so its link
   * leads to this server's home page: the receiving page (a GitHub content script) cannot know the server.
   */
  server?: ServerOrigin;
}

/** Anything thrown, as it crosses the message boundary. */
export function serializeError(err: unknown, { server }: SerializeOptions = {}): MessageError {
  const e = toOpenHandsError(err);
  const out: MessageError = { code: e.code, message: e.message };
  if (e.retryAfterSeconds !== undefined) out.retryAfterSeconds = e.retryAfterSeconds;
  if (e.limit !== undefined) out.limit = e.limit;
  if (e.current !== undefined) out.current = e.current;
  if (e.action !== undefined) out.action = e.action;
  const url = e.url ?? (e.action === 'conversations' && server ? homeUrl(server) : undefined);
  if (url !== undefined) out.url = url;
  return out;
}

/** The inverse of `serializeError`, for the receiving side of a message. */
export function deserializeError(data: MessageError): OpenHandsError {
  const { code, message, ...extra } = data;
  return new OpenHandsError(code, message, extra);
}
