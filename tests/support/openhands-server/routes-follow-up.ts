import { isUuid } from './ids.ts';
import type { Reply, Route, RouteContext } from './router.ts';

/**
 * V1 routes for continuing a conversation (openhands-cloud.json): send-message, the sandbox's resume and
 * pause, the sandbox batch read, and the pending-message queue of a conversation that is still starting.
 */

const V1_MODES = ['cloud', 'oss'] as const;

export const followUpRoutes: readonly Route[] = [
  {
    method: 'POST',
    template: '/api/v1/app-conversations/{conversation_id}/send-message',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: sendMessage,
  },
  {
    method: 'POST',
    template: '/api/v1/conversations/{conversation_id}/pending-messages',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: queuePendingMessage,
  },
  {
    method: 'GET',
    template: '/api/v1/sandboxes',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: ({ query, state }) =>
      ok(
        query.getAll('id').map((id) => {
          state.readSandbox(id);
          return state.sandboxInfo(id);
        }),
      ),
  },
  {
    method: 'POST',
    template: '/api/v1/sandboxes/{sandbox_id}/resume',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: ({ params, state, options }) =>
      state.resumeSandbox(params.sandbox_id ?? '', options.sandboxStartReads)
        ? ok({ success: true })
        : NOT_FOUND,
  },
  {
    method: 'POST',
    template: '/api/v1/sandboxes/{sandbox_id}/pause',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: ({ params, state }) =>
      state.pauseSandbox(params.sandbox_id ?? '') ? ok({ success: true }) : NOT_FOUND,
  },
];

const NOT_FOUND: Reply = { status: 404, body: { detail: 'Item not found' } };

function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The follow-up goes to the agent only while the sandbox runs; the status codes are the ones the spec lists
 * (409 not running, 410 archived, 503 sandbox error). The path id is a UUID (FastAPI answers 422 otherwise).
 */
function sendMessage({ params, body, state }: RouteContext): Reply {
  const id = params.conversation_id ?? '';
  if (!isUuid(id)) {
    return {
      status: 422,
      body: {
        detail: [
          {
            type: 'uuid_parsing',
            loc: ['path', 'conversation_id'],
            msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]',
            input: id,
          },
        ],
      },
    };
  }
  const conversation = state.getConversation(id);
  if (!conversation) return { status: 404, body: { detail: 'Conversation not found' } };
  const status = conversation.sandbox_status;
  if (status === 'MISSING')
    return { status: 410, body: { detail: 'Conversation is archived (sandbox no longer exists)' } };
  if (status === 'ERROR') return { status: 503, body: { detail: 'Sandbox is in error state' } };
  if (status !== 'RUNNING') {
    return {
      status: 409,
      body: {
        detail: `Sandbox is not running (status: ${status}). Resume it first via POST /api/v1/sandboxes/${conversation.sandbox_id}/resume`,
      },
    };
  }
  // Already checked against AppSendMessageRequest.
  const request = body as { role?: string; content: unknown[]; run?: boolean };
  const run = request.run ?? true;
  state.mailboxes.receive(
    conversation.id,
    { role: request.role ?? 'user', content: request.content, run },
    'send-message',
    state.now(),
  );
  if (run) conversation.execution_status = 'running';
  conversation.updated_at = state.now();
  return ok({ success: true, sandbox_status: 'RUNNING', message: null });
}

/**
 * The spec declares no body: the real handler reads the raw JSON itself, wants a non-empty `content` list
 * (400 otherwise), takes `role` (default user), and keeps at most 10 messages per id (429).
 */
function queuePendingMessage({ params, body, state }: RouteContext): Reply {
  if (!isRecord(body)) return { status: 400, body: { detail: 'Invalid request body' } };
  const { content, role = 'user' } = body;
  if (!Array.isArray(content) || content.length === 0)
    return { status: 400, body: { detail: 'content must be a non-empty list' } };
  const key = params.conversation_id ?? '';
  const entry = state.mailboxes.enqueue(key, String(role), content, state.now());
  if (!entry) {
    return {
      status: 429,
      body: { detail: 'Too many pending messages. Maximum 10 messages per conversation.' },
    };
  }
  return ok({ id: entry.id, queued: true, position: state.mailboxes.queue(key).length }, 201);
}
