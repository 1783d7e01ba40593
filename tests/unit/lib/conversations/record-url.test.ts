import { describe, expect, it } from 'vitest';
import { recordUrl } from '@/lib/conversations/record-url';
import { storedOrigin } from '@/lib/server/origin';

describe('recordUrl', () => {
  it.each([
    [
      'a start in progress: the task page',
      { serverUrl: 'https://app.all-hands.dev', id: 't1', taskId: 't1', conversationId: null },
      'https://app.all-hands.dev/conversations/task-t1',
    ],
    [
      'a ready conversation stored with a slash after its server (read as its origin)',
      { serverUrl: 'https://oh.example/', id: 't1', taskId: 't1', conversationId: 'c0ffee' },
      'https://oh.example/conversations/c0ffee',
    ],
    [
      'a V0 conversation',
      { serverUrl: 'http://localhost:3000', id: 'v0id', taskId: null, conversationId: 'v0id' },
      'http://localhost:3000/conversations/v0id',
    ],
  ])('should link %s', (_name, record, expected) => {
    // As storage reads it back (lib/conversations/record.ts)
    expect(recordUrl({ ...record, serverUrl: storedOrigin(record.serverUrl) })).toBe(expected);
  });
});
