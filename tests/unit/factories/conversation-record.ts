import type { ConversationRecord } from '@/lib/conversations/record';
import { storedOrigin } from '@/lib/server/origin';

/** A valid stored record; tests override only what they are about. */
export function makeRecord(
  overrides: Omit<Partial<ConversationRecord>, 'serverUrl'> & { serverUrl?: string } = {},
): ConversationRecord {
  const { serverUrl = 'https://app.all-hands.dev', ...rest } = overrides;
  return {
    id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    serverUrl: storedOrigin(serverUrl),
    apiVersion: 'v1',
    taskId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    conversationId: null,
    repository: 'octo-org/hello-world',
    branch: null,
    prNumber: null,
    title: '#42: Crash on startup',
    source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
    state: 'starting',
    startStatus: 'WORKING',
    detail: null,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    lastPolledAt: null,
    pollFailure: null,
    polling: true,
    notifiedState: null,
    pullNumbers: [],
    foundOnServer: false,
    requestId: null,
    ...rest,
  };
}
