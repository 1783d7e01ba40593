import type { StartInput } from '@/lib/conversations/start-input';

/** Responses shaped like the spec's examples; contract.test.ts checks each against the OpenAPI files. */

export const TASK_ID = '13ac04c455964f4c98dcb04544e05a9a';
export const CONVERSATION_ID = '660e8400e29b41d4a716446655440001';

export const issueInput: StartInput = {
  repository: 'owner/repo',
  branch: 'main',
  title: 'Fix #42: crash on startup',
  message: 'Please read issue #42 of owner/repo and fix it.',
  source: { kind: 'issue', url: 'https://github.com/owner/repo/issues/42', number: 42 },
};

export const prInput: StartInput = {
  repository: 'owner/repo',
  branch: 'feature/x',
  prNumber: 7,
  message: 'Please address the review comments.',
  source: { kind: 'pull', url: 'https://github.com/owner/repo/pull/7', number: 7 },
};

/** Selected text sent without a repository (a branch without one is ignored). */
export const noRepositoryInput: StartInput = {
  message: 'Explain this stack trace.',
  source: { kind: 'selection', url: 'https://ci.example.com/builds/42' },
};

export const minimalInput: StartInput = {
  repository: 'owner/repo',
  message: 'Explain this code.',
  source: { kind: 'selection', url: 'https://github.com/owner/repo/blob/main/a.ts' },
};

export function startTask(overrides: Record<string, unknown> = {}) {
  return {
    id: TASK_ID,
    created_by_user_id: 'user-1',
    status: 'WORKING',
    detail: null,
    app_conversation_id: null,
    sandbox_id: null,
    agent_server_url: null,
    request: { selected_repository: 'owner/repo', pr_number: [] },
    created_at: '2026-11-28T10:00:00Z',
    updated_at: '2026-11-28T10:00:00Z',
    ...overrides,
  };
}

export function appConversation(overrides: Record<string, unknown> = {}) {
  return {
    id: CONVERSATION_ID,
    created_by_user_id: 'user-1',
    sandbox_id: 'sandbox-1',
    selected_repository: 'owner/repo',
    selected_branch: 'main',
    git_provider: 'github',
    title: 'Fix README',
    trigger: 'openhands_api',
    pr_number: [],
    created_at: '2026-11-28T10:00:00Z',
    updated_at: '2026-11-28T10:05:00Z',
    sandbox_status: 'RUNNING',
    execution_status: 'running',
    conversation_url: 'https://runtime.example/api/conversations/660e8400e29b41d4a716446655440001',
    session_api_key: 'runtime-secret',
    acp_server: null,
    launched_agent_profile: null,
    ...overrides,
  };
}

export const webClientConfig = {
  app_mode: 'saas',
  posthog_client_key: null,
  feature_flags: { enable_billing: true, deployment_mode: 'cloud' },
  providers_configured: ['github'],
  maintenance_start_time: null,
  auth_url: null,
  recaptcha_site_key: null,
  faulty_models: [],
  error_message: null,
  updated_at: '2026-11-28T10:00:00Z',
  github_app_slug: 'openhands',
  kind: 'WebClientConfig',
};

export const currentApiKey = {
  id: 123,
  name: 'browser extension',
  org_id: 'org-1',
  bound_org_id: null,
  user_id: 'user-1',
  auth_type: 'api_key',
};

export const conversationResponseV0 = {
  status: 'ok',
  conversation_id: CONVERSATION_ID,
  message: null,
  conversation_status: 'STARTING',
};

export function conversationInfoV0(overrides: Record<string, unknown> = {}) {
  return {
    conversation_id: CONVERSATION_ID,
    title: 'Fix README',
    last_updated_at: '2026-11-28T10:05:00Z',
    status: 'RUNNING',
    runtime_status: 'STATUS$READY',
    selected_repository: 'owner/repo',
    selected_branch: 'main',
    git_provider: 'github',
    trigger: 'openhands_api',
    num_connections: 0,
    url: null,
    session_api_key: 'runtime-secret',
    created_at: '2026-11-28T10:00:00Z',
    pr_number: [],
    ...overrides,
  };
}
