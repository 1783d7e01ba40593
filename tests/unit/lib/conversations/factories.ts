import type { ConversationListItem } from '@/lib/conversations/list-item';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import { CLOUD_ORIGIN } from '@/lib/server/origin';

export const SERVER = CLOUD_ORIGIN;

/** A list row; tests override only what they are about. */
export function makeItem(overrides: Partial<ConversationListItem> = {}): ConversationListItem {
  return {
    key: 'c1',
    conversationId: 'c1',
    localId: null,
    title: 'Fix the flaky test',
    repository: 'octo-org/hello-world',
    branch: 'main',
    prNumber: null,
    pullNumbers: [],
    source: null,
    state: 'running',
    startStatus: null,
    detail: null,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    url: `${SERVER}/conversations/c1`,
    ...overrides,
  };
}

/** A parsed V1 `AppConversation`. */
export function makeAppConversation(overrides: Partial<AppConversation> = {}): AppConversation {
  return {
    id: '660e8400e29b41d4a716446655440001',
    created_by_user_id: 'user-1',
    sandbox_id: 'sandbox-1',
    selected_repository: 'octo-org/hello-world',
    selected_branch: 'main',
    git_provider: 'github',
    title: 'Fix README',
    trigger: 'openhands_api',
    pr_number: [],
    created_at: '2026-11-28T10:00:00Z',
    updated_at: '2026-11-28T10:05:00Z',
    sandbox_status: 'RUNNING',
    execution_status: 'running',
    ...overrides,
  } as AppConversation;
}
