import type { ErrorCode } from '@/lib/errors/codes';
import { formatNumber, t } from '@/lib/i18n';
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

const withReason = (status: number | undefined, reason: string | undefined) =>
  `HTTP ${status ?? '?'}${reason ? `: ${reason}` : ''}`;

/** Who answered, as the subject of a sentence: the server at its address, or just OpenHands. */
const serverAt = (server: ServerOrigin | undefined) =>
  server ? t('errors.who.server', { server }) : t('errors.who.any');

/** A duration in whole `unit`s (at least one), from milliseconds. */
const wholeUnits = (ms: number, unit: number) => Math.max(1, Math.round(ms / unit));

/**
 * Missing, rejected or refused keys: the advice depends on the kind of server (Cloud API keys or a
 * self-hosted SESSION_API_KEY) and on whether the refused request carried the key at all.
 */
function keyMessage(code: 'no_key' | 'unauthorized' | 'forbidden', ctx: ErrorContext): string {
  const url = apiKeysUrl(ctx.server);
  const cloud = ctx.cloud !== false;
  const sent = ctx.keySent !== false;
  const who = serverAt(ctx.server);
  switch (code) {
    case 'no_key':
      return cloud ? t('errors.noKey.cloud') : t('errors.noKey.selfHosted', { who });
    case 'unauthorized':
      if (!sent) return t('errors.unauthorized.notSent', { who });
      return cloud ? t('errors.unauthorized.cloud', { url }) : t('errors.unauthorized.selfHosted', { who });
    case 'forbidden': {
      const reason = withReason(ctx.status ?? 403, ctx.detail);
      if (!sent)
        return ctx.keySaved
          ? t('errors.forbidden.notSent', { who, reason })
          : t('errors.forbidden.notSentNoKey', { who, reason });
      return cloud ? t('errors.forbidden.cloud', { url }) : t('errors.forbidden.selfHosted', { who, reason });
    }
  }
}

/**
 * Failures the pages find themselves, between the extension's parts. A table of their own, so pages and the
 * GitHub page's script bundle these few texts rather than every text `errorMessage` knows.
 */
export const EXTENSION_MESSAGES = {
  no_reply: () => t('errors.noReply'),
  reloaded: () => t('errors.reloaded'),
  bad_reply: () => t('errors.badReply'),
  permission_denied: ({ server }: ErrorContext) =>
    server ? t('errors.permissionDenied', { server }) : t('errors.permissionDeniedAny'),
  no_draft: () => t('errors.noDraft'),
  too_long: ({ limit }: ErrorContext) =>
    limit === undefined ? t('errors.tooLongAny') : t('errors.tooLong', { limit: formatNumber(limit) }),
  // Pages tell these two themselves when they lose the background half-way; the background when the server
  // leaves a start or a follow-up unanswered. Neither invites a plain retry: the first may have gone through.
  start_unconfirmed: ({ detail }: ErrorContext) =>
    t('errors.startUnconfirmed', { reason: detail ?? t('errors.uncertain.start') }),
  delivery_unconfirmed: ({ detail }: ErrorContext) =>
    t('errors.deliveryUnconfirmed', { reason: detail ?? t('errors.uncertain.lost') }),
  // Pages know it from the record (`apiVersion: 'v0'`) and show it instead of the follow-up entries.
  follow_up_unsupported: () => t('errors.followUpUnsupported'),
} satisfies Partial<Record<ErrorCode, (ctx: ErrorContext) => string>>;

/**
 * Why the outcome of a request is unknown, as the first half of `start_unconfirmed` and
 * `delivery_unconfirmed` (`detail`): for the codes in MAY_HAVE_ARRIVED.
 */
export function uncertainReason(code: ErrorCode): string | undefined {
  switch (code) {
    case 'timeout':
      return t('errors.uncertain.timeout');
    case 'offline':
      return t('errors.uncertain.offline');
    case 'server_error':
      return t('errors.uncertain.serverError');
    case 'bad_response':
      return t('errors.uncertain.badResponse');
    case 'no_reply':
      return t('errors.uncertain.noReply');
    case 'bad_reply':
      return t('errors.uncertain.badReply');
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
    case 'rate_limited': {
      const seconds = ctx.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
      return t('errors.rateLimited', seconds, [formatNumber(seconds)]);
    }
    case 'concurrency_limit':
      return ctx.limit !== undefined && ctx.current !== undefined
        ? t('errors.concurrencyLimit', { current: formatNumber(ctx.current), limit: formatNumber(ctx.limit) })
        : t('errors.concurrencyLimitAny');
    case 'validation':
      return `${t('errors.validation')}${ctx.detail ? `\n${ctx.detail}` : ''}`;
    case 'server_error':
      return t('errors.serverError', { reason: withReason(ctx.status, ctx.detail) });
    case 'timeout': {
      const seconds = wholeUnits(ctx.timeoutMs ?? 30_000, 1000);
      return t('errors.timeout', seconds, [formatNumber(seconds)]);
    }
    case 'offline':
      return ctx.server ? t('errors.offline', { server: ctx.server }) : t('errors.offlineAny');
    case 'bad_response':
      return ctx.detail ? t('errors.badResponse', { detail: ctx.detail }) : t('errors.badResponseAny');
    case 'start_failed':
      return ctx.detail ? t('errors.startFailed', { detail: ctx.detail }) : t('errors.startFailedAny');
    case 'not_found':
      return ctx.server ? t('errors.notFound', { server: ctx.server }) : t('errors.notFoundAny');
    case 'bad_request':
      return t('errors.badRequest', { reason: withReason(ctx.status, ctx.detail) });
    case 'invalid_key':
      return ctx.detail ?? t('errors.invalidKey');
    case 'sandbox_not_running':
      return t('errors.sandboxNotRunning');
    case 'conversation_archived':
      return t('errors.conversationArchived');
    case 'agent_unavailable':
      return ctx.detail
        ? t('errors.agentUnavailable', { detail: ctx.detail })
        : t('errors.agentUnavailableAny');
    case 'pending_queue_full': {
      const limit = ctx.limit ?? MAX_PENDING_MESSAGES;
      return t('errors.pendingQueueFull', limit, [formatNumber(limit)]);
    }
    case 'sandbox_start_timeout': {
      const minutes = wholeUnits(ctx.timeoutMs ?? 120_000, 60_000);
      return t('errors.sandboxStartTimeout', minutes, [formatNumber(minutes)]);
    }
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
      return t('errors.unknown');
  }
}

/** A failure with its code and its text, read in the user's language when used. */
const specific = <Code extends ErrorCode>(code: Code, text: () => string) => ({
  code,
  get message() {
    return text();
  },
});

/**
 * Failures the extension finds itself that travel under a general code (callers and tests tell them apart by
 * code, users by text), each with its own text.
 */
export const SPECIFIC_ERRORS = {
  /** A message from something that is neither this extension nor a GitHub tab it runs in. */
  untrustedSender: specific('forbidden', () => t('errors.specific.untrustedSender')),
  /** A request only extension pages may send, sent from a GitHub page. */
  notFromGitHubPages: specific('forbidden', () => t('errors.specific.notFromGitHubPages')),
  /** A request only a GitHub tab may send (loading the page UI into that tab), sent from elsewhere. */
  onlyFromGitHubTabs: specific('forbidden', () => t('errors.specific.onlyFromGitHubTabs')),
  /** A message that does not match the message contract. */
  malformedRequest: specific('bad_request', () => t('errors.specific.malformedRequest')),
  /** A follow-up for a conversation the extension no longer keeps (records are capped). */
  followUpUnknown: specific('not_found', () => t('errors.specific.followUpUnknown')),
  /** A follow-up for a start the server no longer knows. */
  followUpGone: specific('not_found', () => t('errors.specific.followUpGone')),
  /** The selection a compose window was opened for is gone from session storage. */
  draftGone: specific('not_found', () =>
    t('errors.specific.draftGone', { menu: t('background.selectionMenu') }),
  ),
} as const satisfies Record<string, { code: ErrorCode; message: string }>;

/** The most messages OpenHands queues for a conversation that is still starting. */
export const MAX_PENDING_MESSAGES = 10;

/** Used when a 429 has no usable `Retry-After`: long enough to get out of a per-minute window. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;
