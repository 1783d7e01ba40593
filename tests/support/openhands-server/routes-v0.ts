import { paginate } from './paging.ts';
import { queryInt, queryString, type Reply, type Route, type RouteContext } from './router.ts';
import { loadSpec } from './spec-files.ts';
import type { ServerState } from './state.ts';
import type { AppConversation, V0ConversationInfo } from './types.ts';

/**
 * Legacy V0 routes (V0_openapi.json), served only in 'v0' mode: Cloud deleted them in 2026-04 and current
 * Local GUI builds no longer have them. They read and write the same conversations as V1.
 */

export const v0Routes: readonly Route[] = [
  {
    method: 'POST',
    template: '/api/conversations',
    spec: 'v0',
    modes: ['v0'],
    auth: true,
    handle: newConversation,
  },
  {
    method: 'GET',
    template: '/api/conversations',
    spec: 'v0',
    modes: ['v0'],
    auth: true,
    handle: searchConversations,
  },
  {
    method: 'GET',
    template: '/api/conversations/{conversation_id}',
    spec: 'v0',
    modes: ['v0'],
    auth: true,
    handle: getConversation,
  },
];

function newConversation({ body, headers, state }: RouteContext): Reply {
  const request = body as Record<string, unknown>;
  const str = (key: string) => (typeof request[key] === 'string' ? (request[key] as string) : null);
  // V0 forced the trigger to openhands_api for Bearer callers, and to suggested_task for suggested tasks.
  const trigger = request.suggested_task
    ? 'suggested_task'
    : /^Bearer\s/i.test(headers.authorization ?? '')
      ? 'openhands_api'
      : 'gui';
  const conversation = state.addConversation({
    selected_repository: str('repository'),
    selected_branch: str('selected_branch'),
    git_provider: str('git_provider'),
    trigger,
    sandbox_status: 'STARTING',
    execution_status: null,
  });
  return {
    status: 200,
    body: { status: 'ok', conversation_id: conversation.id, message: null, conversation_status: 'STARTING' },
  };
}

function searchConversations({ query, state, options }: RouteContext): Reply {
  const all = state.search(
    {
      selected_repository: queryString(query, 'selected_repository'),
      trigger: queryString(query, 'conversation_trigger'),
    },
    null,
    Number.MAX_SAFE_INTEGER,
  ).items;
  const page = paginate(all, queryString(query, 'page_id'), queryInt(query, 'limit', 20));
  return {
    status: 200,
    body: {
      results: page.items.map((c) => toConversationInfo(advance(state, c, options.stepsPerPoll))),
      next_page_id: page.next_page_id,
    },
  };
}

/** Unknown ids answer `null` with 200, as the V0 server did. */
function getConversation({ params, state, options }: RouteContext): Reply {
  const id = params.conversation_id ?? '';
  if (id.length > 100 || id.includes('\0'))
    return { status: 400, body: { detail: 'Invalid conversation ID' } };
  const conversation = state.getConversation(id);
  return {
    status: 200,
    body: conversation ? toConversationInfo(advance(state, conversation, options.stepsPerPoll)) : null,
  };
}

/** A V0 start is synchronous and reports STARTING; the next read finds the runtime up. */
function advance(state: ServerState, conversation: AppConversation, steps: number): AppConversation {
  if (conversation.sandbox_status !== 'STARTING' || steps <= 0) return conversation;
  return state.setConversationStatus(conversation.id, {
    sandbox_status: 'RUNNING',
    execution_status: 'running',
  });
}

/** Like the V1→V0 compatibility shim: V0 enums are narrower, so values it lacks become null or STOPPED. */
export function toConversationInfo(c: AppConversation): V0ConversationInfo {
  const schemas = loadSpec('v0').components.schemas as Record<string, { enum?: string[] }>;
  const known = (schema: string, value: string | null) =>
    value !== null && schemas[schema]?.enum?.includes(value) ? value : null;
  const status =
    c.sandbox_status === 'RUNNING' || c.sandbox_status === 'STARTING' ? c.sandbox_status : 'STOPPED';
  const runtimeStatus = {
    RUNNING: 'STATUS$READY',
    STARTING: 'STATUS$STARTING_RUNTIME',
    ERROR: 'STATUS$ERROR',
    PAUSED: 'STATUS$STOPPED',
    MISSING: null,
  }[c.sandbox_status];
  return {
    conversation_id: c.id,
    title: c.title ?? `Conversation ${c.id.slice(0, 5)}`,
    last_updated_at: c.updated_at,
    status,
    runtime_status: runtimeStatus,
    selected_repository: c.selected_repository,
    selected_branch: c.selected_branch,
    git_provider: known('ProviderType', c.git_provider),
    trigger: known('ConversationTrigger', c.trigger),
    num_connections: 0,
    url: c.conversation_url,
    session_api_key: c.session_api_key,
    created_at: c.created_at,
    pr_number: c.pr_number,
  };
}
