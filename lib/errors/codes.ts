/*
 * The one list of error codes: every failure the extension tells users about, whichever part finds it. The
 * message table (messages.ts), the error type (error.ts) and the message boundary all take their codes from
 * here. No zod, so the GitHub content script may import it.
 */

export const ERROR_CODES = [
  // Talking to an OpenHands server.
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
  /** A start that may or may not have reached the server (no answer, a broken connection…), and could not be checked. */
  'start_unconfirmed',
  'not_found',
  'bad_request',
  /** A key that cannot be sent at all (a line break or an invisible character inside it). */
  'invalid_key',
  // Following up on a conversation.
  /** send-message answered 409: the sandbox is paused or still starting. */
  'sandbox_not_running',
  /** send-message answered 410: the sandbox is gone, so the conversation takes no more messages. */
  'conversation_archived',
  /** send-message answered 503: the sandbox failed, or its agent server cannot be reached. */
  'agent_unavailable',
  /** A starting conversation already has the most queued messages the server keeps (HTTP 429). */
  'pending_queue_full',
  /** A resumed sandbox did not reach RUNNING in the time the extension waits. */
  'sandbox_start_timeout',
  /** A follow-up whose POST may have reached the server, but no answer says so: it may already be delivered. */
  'delivery_unconfirmed',
  /** The server has no V1 API, so nothing can be sent to a conversation after it starts. */
  'follow_up_unsupported',
  // Between the extension's own parts.
  /** The background did not answer a page. */
  'no_reply',
  /** The extension was updated or reloaded under a page that is still open. */
  'reloaded',
  /** The background answered with something the page cannot read. */
  'bad_reply',
  /** The user did not let the extension reach a self-hosted server. */
  'permission_denied',
  /** The compose window has no draft to keep its edits with. */
  'no_draft',
  /** The compose window's text is too long to keep. */
  'too_long',
  /** Anything not classified above; never carries the original text, which could hold secrets. */
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * Failures after which a request may have reached the server anyway: no answer, a broken connection, a server
 * error half-way, an answer that could not be read. For a request that starts something or carries a message,
 * these never invite a plain "try again" (issue 17); every other failure is the server saying it took nothing.
 */
export const MAY_HAVE_ARRIVED: ReadonlySet<ErrorCode> = new Set([
  'timeout',
  'offline',
  'server_error',
  'bad_response',
  'unknown',
]);

/**
 * Which link the UI offers next to the message: the extension options, the server's conversations (its home
 * page), or one conversation (the error's `url`).
 */
export const ERROR_ACTIONS = ['options', 'conversations', 'conversation'] as const;
export type ErrorAction = (typeof ERROR_ACTIONS)[number];

export function isErrorAction(value: unknown): value is ErrorAction {
  return ERROR_ACTIONS.some((action) => action === value);
}

/** The link each code offers unless whoever raises it knows better. */
export const DEFAULT_ACTIONS: Partial<Record<ErrorCode, ErrorAction>> = {
  no_key: 'options',
  unauthorized: 'options',
  forbidden: 'options',
  invalid_key: 'options',
  concurrency_limit: 'conversations',
  start_unconfirmed: 'conversations',
  delivery_unconfirmed: 'conversation',
};
