import type { ErrorCode } from '@/lib/errors/codes';
import { apiKeysUrl, type ServerOrigin } from '@/lib/server/origin';

/*
 * The one message table: every error text users read, for every code in codes.ts, plus the few texts that
 * travel under a general code. No zod, so pages and the GitHub content script may import it.
 */

/** What a message may mention; every field is optional so a message degrades gracefully. */
export interface ErrorContext {
  /** The server's base URL, used for links in the message. */
  server?: ServerOrigin;
  /**
   * Whether the server takes OpenHands API keys (Cloud, or another `saas` deployment), which come from its
   * Settings → API Keys page. `false`: a self-hosted server, whose key is the SESSION_API_KEY it was started
   * with. Unknown counts as Cloud, the default server.
   */
  cloud?: boolean;
  /** Whether a key is set for this server (saved, or typed for a test), sent or not. */
  keySaved?: boolean;
  /** Whether this request carried the key. Unknown counts as sent. */
  keySent?: boolean;
  status?: number;
  retryAfterSeconds?: number;
  /** The concurrency limit, or for `too_long` the most characters that can be kept. */
  limit?: number;
  current?: number;
  /** Short server-provided text: a reason, validation lines, or a start task's `detail`. */
  detail?: string;
  timeoutMs?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const withReason = (status: number | undefined, reason: string | undefined) =>
  `HTTP ${status ?? '?'}${reason ? `: ${reason}` : ''}`;

const serverAt = (server: ServerOrigin | undefined) =>
  server ? `The OpenHands server at ${server}` : 'OpenHands';
/** What a self-hosted server's key is, for people who did not start the server themselves. */
const SESSION_KEY = 'the session key the server was started with (its SESSION_API_KEY)';

/**
 * Missing, rejected or refused keys: the advice depends on the kind of server (Cloud API keys or a
 * self-hosted SESSION_API_KEY) and on whether the refused request carried the key at all.
 */
function keyMessage(code: 'no_key' | 'unauthorized' | 'forbidden', ctx: ErrorContext): string {
  const keys = `Settings → API Keys (${apiKeysUrl(ctx.server)})`;
  const cloud = ctx.cloud !== false;
  const sent = ctx.keySent !== false;
  const notSent = `${serverAt(ctx.server)} refused a request that does not carry the key`;
  const inFront =
    'Something in front of the server, such as a proxy or a login page, may be asking for credentials; check the server URL in the extension options.';
  switch (code) {
    case 'no_key':
      return cloud
        ? 'Add your OpenHands API key in the extension options.'
        : `${serverAt(ctx.server)} asks for a key. Add ${SESSION_KEY} in the extension options.`;
    case 'unauthorized':
      if (!sent) return `${notSent} (HTTP 401). ${inFront}`;
      return cloud
        ? `OpenHands did not accept the API key. Create one in OpenHands under ${keys} and paste it in the extension options. The “OpenHands LLM Key” is a different key and does not work here.`
        : `${serverAt(ctx.server)} did not accept the key. A self-hosted server takes ${SESSION_KEY}; paste that in the extension options.`;
    case 'forbidden':
      if (!sent) {
        const add = ctx.keySaved ? '' : ' If the server needs a key, add it in the extension options.';
        return `${notSent} (${withReason(ctx.status ?? 403, ctx.detail)}). ${inFront}${add}`;
      }
      return cloud
        ? `OpenHands refused this API key (HTTP 403). Finish setting up your account in the OpenHands web app (for example, verify your email address), and check that the key belongs to the right organization. API keys come from ${keys}, not the LLM key.`
        : `${serverAt(ctx.server)} refused the request (${withReason(ctx.status ?? 403, ctx.detail)}). Check that the key in the extension options is ${SESSION_KEY}.`;
  }
}

/**
 * Failures the pages find themselves, between the extension's parts. A table of their own, so pages and the
 * GitHub page's script bundle these few texts rather than every text `errorMessage` knows.
 */
export const EXTENSION_MESSAGES = {
  no_reply: () => 'The extension did not answer. Try again.',
  reloaded: () => 'Send to OpenHands was updated or reloaded. Reload this page and try again.',
  bad_reply: () =>
    'Send to OpenHands answered with something this page cannot read. Reload the page and try again; if it keeps happening, reload the extension.',
  permission_denied: ({ server }: ErrorContext) =>
    `Send to OpenHands needs your permission to reach ${server ?? 'the server'}. Try again and choose “Allow”.`,
  no_draft: () => 'This window was not opened for a selection, so your edits cannot be kept.',
  too_long: ({ limit }: ErrorContext) =>
    `The text is longer than can be kept${limit === undefined ? '' : ` (${limit.toLocaleString('en-US')} characters)`}, so your edits cannot be kept.`,
  // Pages tell these two themselves when they lose the background half-way; the background when the server
  // leaves a start or a follow-up unanswered. Neither invites a plain retry: the first may have gone through.
  start_unconfirmed: ({ detail }: ErrorContext) =>
    `${detail ?? 'OpenHands did not confirm the start'}, so it is unclear whether the conversation started. If it did, it shows in the toolbar popup; starting it again first checks whether it did.`,
  delivery_unconfirmed: ({ detail }: ErrorContext) =>
    `${detail ?? 'The answer was lost'}, so your message may already have been delivered. Check the conversation before you send it again.`,
  // Pages know it from the record (`apiVersion: 'v0'`) and show it instead of the follow-up entries.
  follow_up_unsupported: () =>
    'This OpenHands server is too old for follow-ups from the extension (it has no V1 API). Continue the conversation in OpenHands.',
} satisfies Partial<Record<ErrorCode, (ctx: ErrorContext) => string>>;

/**
 * Why the outcome of a request is unknown, as the first half of `start_unconfirmed` and
 * `delivery_unconfirmed` (`detail`): for the codes in MAY_HAVE_ARRIVED.
 */
export function uncertainReason(code: ErrorCode): string | undefined {
  switch (code) {
    case 'timeout':
      return 'OpenHands did not answer in time';
    case 'offline':
      return 'The connection to OpenHands failed';
    case 'server_error':
      return 'OpenHands had a server error';
    case 'bad_response':
      return 'OpenHands’ answer could not be read';
    case 'no_reply':
      return 'The extension stopped answering';
    case 'bad_reply':
      return 'The extension’s answer could not be read';
    default:
      return undefined;
  }
}

/** The one user-facing text for each code: what happened, then what to do. */
export function errorMessage(code: ErrorCode, ctx: ErrorContext = {}): string {
  switch (code) {
    case 'no_key':
    case 'unauthorized':
    case 'forbidden':
      return keyMessage(code, ctx);
    case 'rate_limited':
      return `OpenHands rate limit reached. Try again in ${plural(ctx.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS, 'second')}.`;
    case 'concurrency_limit':
      return ctx.limit !== undefined && ctx.current !== undefined
        ? `You have ${ctx.current} of ${ctx.limit} conversations running, the most OpenHands allows at once. Stop one in your OpenHands conversation list, then try again.`
        : 'You have reached the most conversations OpenHands allows running at once. Stop one in your OpenHands conversation list, then try again.';
    case 'validation':
      return `OpenHands did not accept the request. Check the repository, branch and message; if they look right, please report this as a bug.${ctx.detail ? `\n${ctx.detail}` : ''}`;
    case 'server_error':
      return `OpenHands had a server error (${withReason(ctx.status, ctx.detail)}). Try again in a moment.`;
    case 'timeout':
      return `OpenHands did not answer within ${plural(Math.max(1, Math.round((ctx.timeoutMs ?? 30_000) / 1000)), 'second')}. Check that the server is up, then try again.`;
    case 'offline':
      return `Could not reach OpenHands at ${ctx.server ?? 'the server'}. Check your internet connection. A self-hosted server may be down, or the extension may need permission to access it (grant it in the extension options).`;
    case 'bad_response':
      return `OpenHands sent a response the extension could not read${ctx.detail ? ` (${ctx.detail})` : ''}. Check that the server URL in the extension options points to OpenHands; the server may also be a newer version.`;
    case 'start_failed':
      return ctx.detail
        ? `OpenHands could not start the conversation: ${ctx.detail}`
        : 'OpenHands could not start the conversation and gave no reason. Open OpenHands to check your settings, then try again.';
    case 'not_found':
      return `OpenHands could not find what was asked for (HTTP 404) at ${ctx.server ?? 'the server'}. It may have been deleted, or the server URL may be wrong.`;
    case 'bad_request':
      return `OpenHands rejected the request (${withReason(ctx.status, ctx.detail)}). Check your OpenHands settings and the server URL, then try again.`;
    case 'invalid_key':
      return (
        ctx.detail ??
        'The API key saved in the extension options contains characters no key has, so it cannot be sent. Paste it again in the extension options.'
      );
    case 'sandbox_not_running':
      return 'The sandbox is not running, so OpenHands did not take your message. Try again in a moment: the extension starts the sandbox first.';
    case 'conversation_archived':
      return 'This conversation was archived: its sandbox no longer exists, so it takes no more messages. Start a new conversation with this context instead.';
    case 'agent_unavailable':
      return `OpenHands is not available for this conversation right now — your message was not sent${ctx.detail ? ` (${ctx.detail})` : ''}. Try again in a moment.`;
    case 'pending_queue_full':
      return `${plural(ctx.limit ?? MAX_PENDING_MESSAGES, 'message')} already wait for this conversation to start, the most OpenHands keeps — your message was not sent. Send it once the conversation is running.`;
    case 'sandbox_start_timeout':
      return `The sandbox did not start within ${plural(Math.max(1, Math.round((ctx.timeoutMs ?? 120_000) / 60_000)), 'minute')} — your message was not sent. Try again, or open the conversation in OpenHands.`;
    case 'start_unconfirmed':
    case 'delivery_unconfirmed':
    case 'no_reply':
    case 'reloaded':
    case 'bad_reply':
    case 'permission_denied':
    case 'no_draft':
    case 'too_long':
    case 'follow_up_unsupported':
      return EXTENSION_MESSAGES[code](ctx);
    case 'unknown':
      return 'Something went wrong while talking to OpenHands. Please try again.';
  }
}

/**
 * Failures the extension finds itself that travel under a general code (callers and tests tell them apart by
 * code, users by text), each with its own text.
 */
export const SPECIFIC_ERRORS = {
  /** A message from something that is neither this extension nor a GitHub tab it runs in. */
  untrustedSender: { code: 'forbidden', message: 'This sender may not talk to Send to OpenHands.' },
  /** A request only extension pages may send, sent from a GitHub page. */
  notFromGitHubPages: { code: 'forbidden', message: 'GitHub pages may not send this message.' },
  /** A request only a GitHub tab may send (loading the page UI into that tab), sent from elsewhere. */
  onlyFromGitHubTabs: { code: 'forbidden', message: 'Only a GitHub tab may send this message.' },
  /** A message that does not match the message contract. */
  malformedRequest: {
    code: 'bad_request',
    message: 'The extension received a message it does not understand.',
  },
  /** A follow-up for a conversation the extension no longer keeps (records are capped). */
  followUpUnknown: {
    code: 'not_found',
    message:
      'This conversation is no longer in the extension’s list, so nothing was sent. Continue it in OpenHands.',
  },
  /** A follow-up for a start the server no longer knows. */
  followUpGone: {
    code: 'not_found',
    message: 'OpenHands no longer knows this conversation, so nothing was sent.',
  },
  /** The selection a compose window was opened for is gone from session storage. */
  draftGone: {
    code: 'not_found',
    message:
      'This selection is no longer available (the browser may have restarted). Select the text again and choose “Send selection to OpenHands”.',
  },
} as const satisfies Record<string, { code: ErrorCode; message: string }>;

/** The most messages OpenHands queues for a conversation that is still starting. */
export const MAX_PENDING_MESSAGES = 10;

/** Used when a 429 has no usable `Retry-After`: long enough to get out of a per-minute window. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
