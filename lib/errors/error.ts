import { z } from 'zod';
import { type ErrorContext, errorMessage } from '@/lib/errors/messages';

/** Every way an OpenHands call can fail, as the UI tells them apart. */
export const ERROR_CODES = [
  'no_key',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'concurrency_limit',
  'validation',
  'server_error',
  'timeout',
  'offline',
  'bad_response',
  'start_failed',
  'not_found',
  'bad_request',
  /** Anything not classified above; never carries the original text, which could hold secrets. */
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Which link the UI should offer next to the message. */
export type ErrorAction = 'options' | 'conversations';

const ACTIONS: Partial<Record<ErrorCode, ErrorAction>> = {
  no_key: 'options',
  unauthorized: 'options',
  forbidden: 'options',
  concurrency_limit: 'conversations',
};

/** Facts only the message needs: they shape its wording and are not kept on the error. */
type MessageOnly = 'server' | 'timeoutMs' | 'cloud' | 'keySaved' | 'keySent';

/** Optional facts an error carries besides its code and message. */
export type ErrorExtra = Omit<ErrorContext, MessageOnly> & { action?: ErrorAction };

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
    const action = extra.action ?? ACTIONS[code];
    if (action) this.action = action;
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
      return createOpenHandsError('bad_response', { ...ctx, detail: 'not JSON' });
    if (err instanceof z.ZodError)
      return createOpenHandsError('bad_response', { ...ctx, detail: zodHint(err) });
  }
  return createOpenHandsError('unknown', ctx);
}

/** A short pointer to the first field that failed, e.g. `items.0.id: Invalid input: expected string`. */
export function zodHint(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'unexpected shape';
  const path = issue.path.map(String).join('.');
  return (path ? `${path}: ${issue.message}` : issue.message).slice(0, 160);
}

/** An error as plain data, safe to send in extension messages (matches `messageErrorSchema`). */
export const serializedErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
  limit: z.number().optional(),
  current: z.number().optional(),
  action: z.enum(['options', 'conversations']).optional(),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

export function serializeError(err: unknown): SerializedError {
  const e = toOpenHandsError(err);
  const out: SerializedError = { code: e.code, message: e.message };
  if (e.retryAfterSeconds !== undefined) out.retryAfterSeconds = e.retryAfterSeconds;
  if (e.limit !== undefined) out.limit = e.limit;
  if (e.current !== undefined) out.current = e.current;
  if (e.action !== undefined) out.action = e.action;
  return out;
}

/** The inverse of `serializeError`, for the receiving side of a message. */
export function deserializeError(data: SerializedError): OpenHandsError {
  const { code, message, ...extra } = data;
  return new OpenHandsError(code, message, extra);
}
