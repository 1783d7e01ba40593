import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { checkAuth } from './auth.ts';
import { FailureQueue, failureAnswer, handlesRequest } from './failures.ts';
import { formatIssue } from './fastapi-errors.ts';
import { delay, lowerCaseHeaders, parseJson, readBody, send } from './http.ts';
import { normalizeId } from './ids.ts';
import { getValidator, type HttpMethod } from './openapi-validator.ts';
import { InvalidPageIdError } from './paging.ts';
import { matchRoute, type Reply, type Route } from './router.ts';
import { followUpRoutes } from './routes-follow-up.ts';
import { v0Routes } from './routes-v0.ts';
import { CLOUD_USER_ID, v1Routes } from './routes-v1.ts';
import { ServerState } from './state.ts';
import type {
  AppConversation,
  AppConversationStartTask,
  ConversationStatusPatch,
  Failure,
  FailureSpec,
  PendingMessage,
  ReceivedMessage,
  RecordedRequest,
  SeedOptions,
  ServerOptions,
  ValidationIssue,
} from './types.ts';

/**
 * A local stand-in for the OpenHands server (V1 Cloud / self-hosted, or legacy V0) for unit, integration and
 * end-to-end tests. Every request is checked against the published OpenAPI files and recorded; tests steer it
 * with `configure`, `failNext`, `seedConversations` and `setConversationStatus`.
 */

export { FAILURE_KINDS } from './failures.ts';
export { MAX_PENDING_MESSAGES } from './mailboxes.ts';
export { getValidator, OpenApiValidator } from './openapi-validator.ts';
export { toConversationInfo } from './routes-v0.ts';
export { CLOUD_USER_ID, TEST_API_KEY_INFO } from './routes-v1.ts';
export { DEFAULT_ERROR_DETAIL, START_TASK_STEPS } from './state.ts';
export type * from './types.ts';

/** The key Cloud mode accepts when none is given. */
export const DEFAULT_API_KEY = 'test-api-key';

export interface OpenHandsTestServer {
  /** e.g. http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /** Every request received, in order (cleared in place by reset()). */
  requests: RecordedRequest[];
  /** The options in force now. */
  readonly options: Readonly<ServerOptions>;
  configure(opts: Partial<ServerOptions>): void;
  /**
   * The next `count` (default 1) matching requests fail that way, before auth and validation
   * (`timeout_after_handling` handles the request first, then withholds the answer).
   */
  failNext(failure: Failure, count?: number): void;
  /** Clears conversations, start tasks, recorded requests and queued failures; restores the initial options. */
  reset(): void;
  /** Adds n conversations created after the existing ones; returns them newest first. */
  seedConversations(n: number, opts?: SeedOptions): AppConversation[];
  /**
   * Moves a conversation's status (e.g. to `finished`, or its sandbox to PAUSED or MISSING) or its
   * `pr_number`; throws if unknown. A sandbox set to STARTING reports RUNNING after `sandboxStartReads` reads.
   */
  setConversationStatus(id: string, status: ConversationStatusPatch): AppConversation;
  /** The messages a conversation received (send-message, or its start's pending queue at READY), in order. */
  messagesReceived(conversationId: string): ReceivedMessage[];
  /**
   * The pending queue under exactly this id, as the client sent it in the path: the real server delivers
   * only `task-<hex task id>` queues at READY (they are then empty here).
   */
  pendingMessages(queueId: string): PendingMessage[];
  getConversation(id: string): AppConversation | null;
  getStartTask(id: string): AppConversationStartTask | null;
  close(): Promise<void>;
}

export type StartOptions = Partial<ServerOptions> & { port?: number };

const ROUTES: readonly Route[] = [...v1Routes, ...followUpRoutes, ...v0Routes];

export async function startOpenHandsServer(opts: StartOptions = {}): Promise<OpenHandsTestServer> {
  const { port = 0, ...serverOpts } = opts;
  const initialOptions = resolveOptions(serverOpts);
  let options = { ...initialOptions };
  let url = '';
  const requests: RecordedRequest[] = [];
  const failures = new FailureQueue();
  const state = new ServerState(
    () => url,
    () => userIdFor(options),
  );
  const startedAt = new Date().toISOString();
  const closing = new AbortController();
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerCaseHeaders(req);
    const rawBody = await readBody(req);
    const parsed = parseJson(rawBody);
    const record: RecordedRequest = {
      method,
      path: target.pathname,
      query: target.searchParams,
      headers,
      body: parsed.json,
      rawBody,
      valid: true,
      validationErrors: [],
      operation: null,
      failure: null,
      responseErrors: [],
    };
    requests.push(record);
    const current = options;

    if (method === 'OPTIONS') {
      // Not needed by the extension (it calls from its service worker), but harmless for preflights.
      if (await delay(current.delayMs, closing.signal)) send(res, 204, '', null, CORS_HEADERS);
      record.status = 204;
      return;
    }

    const match = matchRoute(ROUTES, method, target.pathname, current.mode);
    let issues: ValidationIssue[] = [];
    if (match.route) {
      record.operation = match.route.template;
      // Checked and recorded even when a failure or an auth error answers instead: the contract still applies.
      issues = getValidator(match.route.spec).validateRequest(
        method.toLowerCase() as HttpMethod,
        match.route.template,
        target.searchParams,
        {
          raw: rawBody,
          json: parsed.json,
          ...(parsed.error !== undefined ? { jsonError: parsed.error } : {}),
          ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
        },
      );
      record.valid = issues.length === 0;
      record.validationErrors = issues.map(formatIssue);
    }

    const failure = failures.take(method, target.pathname);
    if (!(await delay(current.delayMs, closing.signal))) return;
    if (failure && !handlesRequest(failure)) {
      answerFailure(failure, record, req, res);
      return;
    }
    // The answer of a request handled under a `timeout_after_handling` failure is withheld.
    const answer = (reply: Reply, route?: Route) => {
      if (failure) record.failure = failure.kind;
      else sendJson(record, res, reply, route);
    };
    if (!match.route) {
      answer({ status: match.status, body: match.body });
      return;
    }
    const route = match.route;
    const rejection = route.auth ? checkAuth(current.mode, current.apiKey, headers) : null;
    if (rejection) {
      answer(rejection);
      return;
    }
    if (issues.length > 0) {
      answer({ status: 422, body: { detail: issues } }, route);
      return;
    }
    let reply: Reply;
    try {
      reply = route.handle({
        query: target.searchParams,
        body: parsed.json,
        headers,
        params: match.params,
        state,
        options: current,
        userId: userIdFor(current),
        startedAt,
      });
    } catch (error) {
      if (error instanceof InvalidPageIdError) {
        reply = { status: 400, body: { detail: error.message } };
      } else {
        // A bug in the stand-in: answer like FastAPI would, and make it visible to the test.
        record.responseErrors.push(`handler threw: ${(error as Error).stack ?? String(error)}`);
        reply = { status: 500, body: { detail: 'Internal Server Error' } };
      }
    }
    answer(reply, route);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, JSON.stringify({ detail: 'Internal Server Error' }), 'application/json');
      console.error('[openhands-test-server]', error);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    requests,
    get options() {
      return options;
    },
    configure(next) {
      options = { ...options, ...definedOnly(next) };
    },
    failNext(failure, count = 1) {
      failures.add(failure, count);
    },
    reset() {
      options = { ...initialOptions };
      requests.length = 0;
      failures.clear();
      state.reset();
    },
    seedConversations: (n, seedOpts) => structuredClone(state.seed(n, seedOpts)),
    setConversationStatus: (id, status) =>
      structuredClone(state.setConversationStatus(id, status, options.sandboxStartReads)),
    messagesReceived: (id) => structuredClone(state.mailboxes.receivedBy(normalizeId(id))),
    pendingMessages: (queueId) => structuredClone(state.mailboxes.queue(queueId)),
    getConversation: (id) => structuredClone(state.getConversation(id)),
    getStartTask: (id) => structuredClone(state.getStartTask(id)),
    close() {
      // Held `timeout` requests and keep-alive sockets would otherwise keep close() waiting.
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, x-session-api-key, x-access-token, x-org-id',
};

function resolveOptions(opts: Partial<ServerOptions>): ServerOptions {
  const mode = opts.mode ?? 'cloud';
  return {
    mode,
    apiKey: opts.apiKey !== undefined ? opts.apiKey : mode === 'cloud' ? DEFAULT_API_KEY : null,
    stepsPerPoll: opts.stepsPerPoll ?? 1,
    finalStartStatus: opts.finalStartStatus ?? 'READY',
    ...(opts.errorDetail !== undefined ? { errorDetail: opts.errorDetail } : {}),
    delayMs: opts.delayMs ?? 0,
    sandboxStartReads: opts.sandboxStartReads ?? 1,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function userIdFor(options: ServerOptions): string | null {
  return options.mode === 'cloud' ? CLOUD_USER_ID : null;
}

/** Sends a JSON answer, records it, and checks it against the operation's response schema. */
function sendJson(record: RecordedRequest, res: ServerResponse, reply: Reply, route?: Route): void {
  const text = JSON.stringify(reply.body);
  record.status = reply.status;
  record.responseBody = JSON.parse(text);
  if (route) {
    record.responseErrors.push(
      ...getValidator(route.spec).validateResponse(
        route.method.toLowerCase() as HttpMethod,
        route.template,
        reply.status,
        record.responseBody,
      ),
    );
  }
  send(res, reply.status, text, 'application/json', reply.headers);
}

function answerFailure(
  failure: FailureSpec,
  record: RecordedRequest,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  record.failure = failure.kind;
  if (failure.kind === 'timeout') return; // never answer; close() destroys the socket
  if (failure.kind === 'disconnect') {
    req.socket.destroy();
    return;
  }
  const answer = failureAnswer(failure);
  if (!answer) return;
  record.status = answer.status;
  if (answer.json !== undefined) {
    record.responseBody = answer.json;
    send(res, answer.status, JSON.stringify(answer.json), answer.contentType, answer.headers);
  } else {
    send(res, answer.status, answer.text ?? '', answer.contentType, answer.headers);
  }
}
