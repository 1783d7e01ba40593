import type { ErrorCode } from '@/lib/errors/codes';
import { createOpenHandsError, OpenHandsError } from '@/lib/errors/error';
import { type Auth, type HttpConfig, request } from '@/lib/openhands/http';
import { normalizeId, toUuid } from '@/lib/openhands/ids';
import {
  conversationInfoOrNullSchema,
  conversationInfoResultSetSchema,
  conversationResponseSchema,
  type InitSessionRequest,
} from '@/lib/openhands/schemas-v0';
import {
  type AppConversationStartRequest,
  appConversationBatchSchema,
  appConversationPageSchema,
  appConversationStartTaskPageSchema,
  appConversationStartTaskSchema,
  appSendMessageResponseSchema,
  currentApiKeyResponseSchema,
  pendingMessageResponseSchema,
  type SandboxStatus,
  type StartTaskSortOrder,
  startTaskBatchSchema,
  successSchema,
  webClientConfigSchema,
} from '@/lib/openhands/schemas-v1';
import { toPendingMessageRequest, toSendMessageRequest } from '@/lib/openhands/text-message';
import { isCloudServer, type ServerOrigin } from '@/lib/server/origin';

export interface ClientOptions {
  baseUrl: ServerOrigin;
  auth: Auth;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** The server takes OpenHands API keys (Cloud, saas). Default: the key is a Bearer key, or the URL is Cloud's. */
  cloud?: boolean;
  /** A key is set for this server even if `auth` is null (a keyless probe). Default: whether `auth` is set. */
  keySaved?: boolean;
}

export interface PageOptions {
  limit?: number;
  pageId?: string | null;
}

export interface StartTaskSearch extends PageOptions {
  /** Only starts created at or after this time (`created_at__gte`). */
  createdSince?: Date;
  /** Newest first unless told otherwise, as the server does by default. */
  sortOrder?: StartTaskSortOrder;
}

/** The batch endpoints take fewer than 100 ids per call. */
export const MAX_IDS_PER_REQUEST = 99;
const DEFAULT_PAGE_SIZE = 20;

/** Splits `items` into runs of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const clampLimit = (limit: number) => Math.min(100, Math.max(1, Math.trunc(limit)));

/** What send-message's status codes mean (the OpenAPI file's description of the operation). */
const SEND_MESSAGE_ERRORS: Partial<Record<number, ErrorCode>> = {
  409: 'sandbox_not_running',
  410: 'conversation_archived',
  503: 'agent_unavailable',
};

/** A send-message that answered 200 without delivering: named after the sandbox status it reports. */
function undeliveredCode(status: SandboxStatus | (string & {})): ErrorCode {
  if (status === 'PAUSED' || status === 'STARTING') return 'sandbox_not_running';
  if (status === 'MISSING') return 'conversation_archived';
  return 'agent_unavailable';
}

/**
 * Re-labels an HTTP error whose status means something specific for one endpoint (e.g. send-message's 410:
 * archived); everything else is passed on as it is.
 */
function refine(
  error: unknown,
  server: ServerOrigin,
  codeFor: (e: OpenHandsError) => ErrorCode | undefined,
): unknown {
  if (!(error instanceof OpenHandsError)) return error;
  const code = codeFor(error);
  if (!code) return error;
  return createOpenHandsError(code, { server, status: error.status, detail: error.detail });
}

/** An OpenHands API client. Pure apart from the injected `fetch`; the caller owns the key. */
export function createOpenHandsClient({
  baseUrl,
  auth,
  fetch,
  timeoutMs = 30_000,
  cloud,
  keySaved,
}: ClientOptions) {
  const config: HttpConfig = {
    baseUrl,
    auth,
    // Bound late so tests and the service worker can swap `globalThis.fetch`; bound to avoid "Illegal invocation".
    fetch: fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs,
    cloud: cloud ?? (auth?.kind === 'bearer' || isCloudServer(baseUrl)),
    keySaved: keySaved ?? Boolean(auth),
  };

  /** Runs one batch request per chunk, in order, so the results line up with `ids`. */
  async function batched<T>(ids: readonly string[], get: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const results: T[] = [];
    // Sequential on purpose: polling storms run into Cloud's rate limit.
    for (const part of chunk(ids, MAX_IDS_PER_REQUEST)) results.push(...(await get(part)));
    return results;
  }

  return {
    /** The normalized base URL, for building web links. */
    serverUrl: config.baseUrl,

    /** `GET /api/v1/web-client/config`: reachability and `app_mode`. Needs no key, so sends none. */
    getWebClientConfig: () =>
      request(config, { path: '/api/v1/web-client/config', schema: webClientConfigSchema, withAuth: false }),

    /** `GET /api/keys/current` (Cloud): which key and org are in use; the options page's "Test key". */
    getCurrentApiKey: async () => {
      if (!auth) throw createOpenHandsError('no_key', { server: config.baseUrl, cloud: config.cloud });
      return request(config, { path: '/api/keys/current', schema: currentApiKeyResponseSchema });
    },

    /** `POST /api/v1/app-conversations`. Returns the start task (usually `WORKING`); poll it with `getStartTasks`. */
    startConversation: async (body: AppConversationStartRequest) => {
      const task = await request(config, {
        method: 'POST',
        path: '/api/v1/app-conversations',
        body,
        schema: appConversationStartTaskSchema,
      });
      if (task.status === 'ERROR')
        throw createOpenHandsError('start_failed', { detail: task.detail ?? undefined });
      return task;
    },

    /** `GET /api/v1/app-conversations/start-tasks?ids=…`: one entry per id, `null` for unknown ones. */
    getStartTasks: (ids: readonly string[]) =>
      batched(ids, (part) =>
        request(config, {
          path: '/api/v1/app-conversations/start-tasks',
          // The spec declares these `format: uuid`, so send the dashed form.
          query: { ids: part.map(toUuid) },
          schema: startTaskBatchSchema,
        }),
      ),

    /** `GET /api/v1/app-conversations/start-tasks/search`: the user's starts; pass `next_page_id` back as `pageId`. */
    searchStartTasks: ({
      createdSince,
      sortOrder = 'CREATED_AT_DESC',
      limit = DEFAULT_PAGE_SIZE,
      pageId,
    }: StartTaskSearch = {}) =>
      request(config, {
        path: '/api/v1/app-conversations/start-tasks/search',
        query: {
          created_at__gte: createdSince?.toISOString(),
          sort_order: sortOrder,
          limit: clampLimit(limit),
          page_id: pageId,
        },
        schema: appConversationStartTaskPageSchema,
      }),

    /** `GET /api/v1/app-conversations?ids=…`: one entry per id, `null` for unknown ones. */
    getConversations: (ids: readonly string[]) =>
      batched(ids, (part) =>
        request(config, {
          path: '/api/v1/app-conversations',
          query: { ids: part.map(normalizeId) },
          schema: appConversationBatchSchema,
        }),
      ),

    /** `GET /api/v1/app-conversations/search`: newest first; pass `next_page_id` back as `pageId`. */
    searchConversations: ({ limit = DEFAULT_PAGE_SIZE, pageId }: PageOptions = {}) =>
      request(config, {
        path: '/api/v1/app-conversations/search',
        query: { limit: clampLimit(limit), page_id: pageId },
        schema: appConversationPageSchema,
      }),

    /**
     * `POST /api/v1/app-conversations/{id}/send-message`: a follow-up the agent runs on. It does not resume
     * the sandbox: 409 → `sandbox_not_running`, 410 → `conversation_archived`, 503 → `agent_unavailable`
     * (also for a 200 that says it did not deliver).
     */
    sendMessage: async (conversationId: string, text: string) => {
      const id = encodeURIComponent(normalizeId(conversationId));
      try {
        const res = await request(config, {
          method: 'POST',
          path: `/api/v1/app-conversations/${id}/send-message`,
          body: toSendMessageRequest(text),
          schema: appSendMessageResponseSchema,
        });
        if (!res.success) {
          throw createOpenHandsError(undeliveredCode(res.sandbox_status), {
            server: config.baseUrl,
            detail: res.message ?? undefined,
          });
        }
        return res;
      } catch (error) {
        throw refine(error, config.baseUrl, (e) => (e.status ? SEND_MESSAGE_ERRORS[e.status] : undefined));
      }
    },

    /** `POST /api/v1/sandboxes/{id}/resume`: a paused sandbox starts (STARTING, then RUNNING). */
    resumeSandbox: (sandboxId: string) =>
      request(config, {
        method: 'POST',
        path: `/api/v1/sandboxes/${encodeURIComponent(sandboxId)}/resume`,
        schema: successSchema,
      }),

    /**
     * `POST /api/v1/conversations/task-{id}/pending-messages`: queues a message for a conversation still
     * starting; the server posts it when the start reaches READY. The queue must be named `task-<hex id>`:
     * that is the form the server moves to the new conversation. A full queue (429) → `pending_queue_full`.
     */
    queuePendingMessage: async (taskId: string, text: string) => {
      const queue = encodeURIComponent(`task-${normalizeId(taskId)}`);
      try {
        return await request(config, {
          method: 'POST',
          path: `/api/v1/conversations/${queue}/pending-messages`,
          body: toPendingMessageRequest(text),
          schema: pendingMessageResponseSchema,
        });
      } catch (error) {
        // The body tells it from Cloud's request-rate 429 (`{"error": "Rate limit exceeded…"}`).
        throw refine(error, config.baseUrl, (e) =>
          e.status === 429 && /pending/i.test(e.detail ?? '') ? 'pending_queue_full' : undefined,
        );
      }
    },

    /** Legacy `POST /api/conversations`. Synchronous: the conversation id is usable at once. */
    startConversationV0: async (body: InitSessionRequest) => {
      const res = await request(config, {
        method: 'POST',
        path: '/api/conversations',
        body,
        schema: conversationResponseSchema,
      });
      if (res.status !== 'ok')
        throw createOpenHandsError('start_failed', { detail: res.message ?? undefined });
      return res;
    },

    /** Legacy `GET /api/conversations`, newest first. */
    listConversationsV0: ({ limit = DEFAULT_PAGE_SIZE, pageId }: PageOptions = {}) =>
      request(config, {
        path: '/api/conversations',
        query: { limit: clampLimit(limit), page_id: pageId },
        schema: conversationInfoResultSetSchema,
      }),

    /** Legacy `GET /api/conversations/{id}`; `null` when the server doesn't know it (HTTP 200 null, or 404). */
    getConversationV0: async (id: string) => {
      try {
        return await request(config, {
          path: `/api/conversations/${encodeURIComponent(normalizeId(id))}`,
          schema: conversationInfoOrNullSchema,
        });
      } catch (err) {
        if (err instanceof Error && 'code' in err && err.code === 'not_found') return null;
        throw err;
      }
    },
  };
}

export type OpenHandsClient = ReturnType<typeof createOpenHandsClient>;
