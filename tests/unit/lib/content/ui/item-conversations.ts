import type { ItemConversation } from '@/lib/conversations/item';

/** One conversation as the background lists it on an item port (a V1 one, running, for PR #7). */
export function itemConversation(overrides: Partial<ItemConversation> = {}): ItemConversation {
  return {
    id: 'record-1',
    url: 'https://app.all-hands.dev/conversations/c1',
    title: 'PR #7: Fix login',
    state: 'running',
    stage: null,
    pullNumbers: [7],
    repository: 'octo-org/hello-world',
    apiVersion: 'v1',
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:05:00Z',
    ...overrides,
  };
}
