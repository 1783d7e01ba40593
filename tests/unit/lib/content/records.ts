import type { ConversationRecord } from '@/lib/conversations/record';

/** A record as the background stores it right after a V1 start. */
export function startingRecord(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id: 'a1b2c3',
    serverUrl: 'https://app.all-hands.dev',
    apiVersion: 'v1',
    taskId: 'a1b2c3',
    conversationId: null,
    repository: 'octo-org/hello-world',
    branch: null,
    prNumber: null,
    title: '#42: Fix crash on startup',
    source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
    state: 'starting',
    startStatus: 'WORKING',
    detail: null,
    createdAt: '2026-03-04T10:00:00.000Z',
    updatedAt: '2026-03-04T10:00:00.000Z',
    lastPolledAt: null,
    polling: true,
    notifiedState: null,
    ...overrides,
  };
}
