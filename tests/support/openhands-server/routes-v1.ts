import { isUuid, normalizeId } from './ids.ts';
import { queryFlag, queryInt, queryString, type Reply, type Route, type RouteContext } from './router.ts';
import { echoStartRequest } from './start-request.ts';
import type { StartTaskSortOrder } from './state.ts';

/** V1 app-server routes (openhands-cloud.json), the ones the extension calls. */

const V1_MODES = ['cloud', 'oss'] as const;

/** `created_by_user_id` on Cloud; self-hosted servers without users report null. */
export const CLOUD_USER_ID = 'test-user';

export const TEST_API_KEY_INFO = {
  id: 1,
  name: 'Send to OpenHands test key',
  org_id: '0f1e2d3c4b5a49788796a5b4c3d2e1f0',
  bound_org_id: null,
  user_id: CLOUD_USER_ID,
  auth_type: 'bearer',
};

export const v1Routes: readonly Route[] = [
  {
    method: 'GET',
    template: '/api/v1/web-client/config',
    spec: 'cloud',
    modes: V1_MODES,
    auth: false,
    handle: webClientConfig,
  },
  {
    method: 'POST',
    template: '/api/v1/app-conversations',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: ({ body, state, userId }) =>
      ok(state.createStartTask(echoStartRequest(body as Record<string, unknown>), userId)),
  },
  {
    method: 'GET',
    template: '/api/v1/app-conversations',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: batchGetConversations,
  },
  {
    method: 'GET',
    template: '/api/v1/app-conversations/start-tasks',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: batchGetStartTasks,
  },
  {
    method: 'GET',
    template: '/api/v1/app-conversations/start-tasks/search',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: searchStartTasks,
  },
  {
    method: 'GET',
    template: '/api/v1/app-conversations/search',
    spec: 'cloud',
    modes: V1_MODES,
    auth: true,
    handle: searchConversations,
  },
  {
    method: 'GET',
    template: '/api/keys/current',
    spec: 'cloud',
    // A SaaS route: self-hosted servers do not have it at all (404).
    modes: ['cloud'],
    auth: true,
    handle: () => ok(TEST_API_KEY_INFO),
  },
];

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function webClientConfig({ options, startedAt }: RouteContext): Reply {
  const saas = options.mode === 'cloud';
  return ok({
    app_mode: saas ? 'saas' : 'oss',
    posthog_client_key: null,
    feature_flags: {
      enable_billing: saas,
      hide_llm_settings: false,
      enable_jira: false,
      enable_jira_dc: false,
      enable_linear: false,
      hide_users_page: false,
      hide_billing_page: !saas,
      hide_integrations_page: false,
      hide_personal_workspaces: false,
      allow_user_llm_configuration: true,
      enable_acp: true,
      deployment_mode: saas ? 'cloud' : 'self_hosted',
      enable_onboarding: false,
      enable_automations: saas,
      enable_agent_canvas_banner: false,
    },
    providers_configured: ['github'],
    maintenance_start_time: null,
    auth_url: null,
    recaptcha_site_key: null,
    faulty_models: [],
    error_message: null,
    updated_at: startedAt,
    github_app_slug: saas ? 'openhands' : null,
    gitlab_enabled: false,
    provider_default_hosts: {},
    slack_enabled: false,
    email_enabled: saas,
    email_change_enabled: true,
    acp_providers: [],
    jira_dc_oauth_host: null,
    jira_dc_service_account_managed: false,
    jira_dc_service_account_email: null,
    jira_dc_service_account_config_error: null,
    kind: 'WebClientConfig',
  });
}

/** ids are plain strings in the spec; the router converts them itself and answers 400 (not 422) for bad ones. */
function batchGetConversations({ query, state }: RouteContext): Reply {
  const ids = query.getAll('ids');
  if (ids.length >= 100) return { status: 400, body: { detail: 'Too many ids requested. Maximum is 99.' } };
  const invalid = ids.filter((id) => !isUuid(id));
  if (invalid.length > 0) {
    const pyList = `[${invalid.map((id) => `'${id}'`).join(', ')}]`;
    return { status: 400, body: { detail: `Invalid UUID format for ids: ${pyList}` } };
  }
  return ok(ids.map((id) => state.readConversation(id)));
}

/** Each poll advances each listed task once (even when listed twice); unknown ids answer null. */
function batchGetStartTasks({ query, state, options }: RouteContext): Reply {
  const ids = query.getAll('ids');
  if (ids.length > 100) {
    return {
      status: 400,
      body: { detail: `Cannot request more than 100 start tasks at once, got ${ids.length}` },
    };
  }
  const polled = new Set<string>();
  const settings = {
    steps: options.stepsPerPoll,
    final: options.finalStartStatus,
    ...(options.errorDetail !== undefined ? { errorDetail: options.errorDetail } : {}),
  };
  return ok(
    ids.map((id) => {
      const key = normalizeId(id);
      if (polled.has(key)) return state.getStartTask(key);
      polled.add(key);
      return state.pollStartTask(key, settings);
    }),
  );
}

/** A page id the server did not issue throws InvalidPageIdError, answered 400 by the server. */
function searchConversations({ query, state }: RouteContext): Reply {
  return ok(
    state.search(
      {
        title__contains: queryString(query, 'title__contains'),
        created_at__gte: queryString(query, 'created_at__gte'),
        created_at__lt: queryString(query, 'created_at__lt'),
        updated_at__gte: queryString(query, 'updated_at__gte'),
        updated_at__lt: queryString(query, 'updated_at__lt'),
        sandbox_id__eq: queryString(query, 'sandbox_id__eq'),
        include_sub_conversations: queryFlag(query, 'include_sub_conversations'),
      },
      queryString(query, 'page_id'),
      queryInt(query, 'limit', 100),
    ),
  );
}

/** Newest first unless `sort_order` says otherwise; a page id the server did not issue answers 400. */
function searchStartTasks({ query, state }: RouteContext): Reply {
  return ok(
    state.searchStartTasks(
      {
        conversation_id__eq: queryString(query, 'conversation_id__eq'),
        created_at__gte: queryString(query, 'created_at__gte'),
      },
      (queryString(query, 'sort_order') ?? 'CREATED_AT_DESC') as StartTaskSortOrder,
      queryString(query, 'page_id'),
      queryInt(query, 'limit', 100),
    ),
  );
}
