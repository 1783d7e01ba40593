// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { itemKey } from '@/lib/conversations/item';
import { itemConversations, numbersInTitle, recordItems, trimFound } from '@/lib/conversations/item-index';
import type { ConversationRecord } from '@/lib/conversations/record';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';

const SERVER = 'https://app.all-hands.dev';
const REPO = 'octo-org/hello-world';
const ISSUE = itemKey(REPO, 42);
const at = (minute: number) => `2026-11-28T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** A record of a conversation found on the server (no start here, no GitHub source page of its own). */
function found(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return makeRecord({
    id: 'f00d',
    taskId: null,
    conversationId: 'f00d',
    title: 'Refactor the parser',
    source: { kind: 'pull', url: `https://github.com/${REPO}/pull/7`, number: 7 },
    foundOnServer: true,
    state: 'running',
    startStatus: null,
    ...overrides,
  });
}

const ids = (records: ConversationRecord[], key = ISSUE) =>
  itemConversations(records, key, testOrigin(SERVER)).map((c) => c.id);

describe('item index: conversations started here', () => {
  it.each([
    ['the issue page', makeRecord()],
    [
      'the PR page',
      makeRecord({
        prNumber: 42,
        source: { kind: 'pull', url: `https://github.com/${REPO}/pull/42/files`, number: 42 },
      }),
    ],
    [
      'a compose window whose page was the issue',
      makeRecord({
        title: 'Explain',
        source: { kind: 'selection', url: `https://github.com/${REPO}/issues/42` },
      }),
    ],
    [
      'a compose window without a repository, from the issue',
      makeRecord({
        repository: null,
        title: 'Explain',
        source: { kind: 'selection', url: `https://github.com/${REPO}/issues/42#issuecomment-1` },
      }),
    ],
  ])('should list a start from %s', (_name, record) => {
    expect(ids([record])).toEqual([record.id]);
  });

  it('should read the item case-insensitively', () => {
    const record = makeRecord({
      repository: 'Octo-Org/Hello-World',
      source: { kind: 'issue', url: 'https://github.com/Octo-Org/Hello-World/issues/42', number: 42 },
    });
    expect(ids([record], itemKey('OCTO-ORG/hello-world', 42))).toEqual([record.id]);
  });

  it('should not list a start for another item, another repository or a page that is no item', () => {
    const records = [
      makeRecord({
        id: 'other-issue',
        title: 'x',
        source: { kind: 'issue', url: `https://github.com/${REPO}/issues/43`, number: 43 },
      }),
      makeRecord({
        id: 'other-repo',
        repository: 'octo-org/other',
        source: { kind: 'issue', url: 'https://github.com/octo-org/other/issues/42', number: 42 },
      }),
      makeRecord({
        id: 'selection',
        title: 'Explain',
        source: { kind: 'selection', url: 'https://example.com/42' },
      }),
    ];
    expect(ids(records)).toEqual([]);
  });

  it('should not count a start that failed before the server made a task', () => {
    expect(ids([makeRecord({ taskId: null, conversationId: null, state: 'error' })])).toEqual([]);
  });

  it('should count only the configured server’s conversations', () => {
    const records = [
      makeRecord({ id: 'here' }),
      makeRecord({ id: 'there', serverUrl: 'https://oh.example.com' }),
    ];
    expect(ids(records)).toEqual(['here']);
    expect(itemConversations(records, ISSUE, testOrigin(`${SERVER}/`)).map((c) => c.id)).toEqual(['here']);
  });

  it('should list newest first', () => {
    const records = [
      makeRecord({ id: 'old', createdAt: at(1) }),
      makeRecord({ id: 'new', createdAt: at(3) }),
      makeRecord({ id: 'mid', createdAt: at(2) }),
    ];
    expect(ids(records)).toEqual(['new', 'mid', 'old']);
  });

  it('should show what the page needs of each', () => {
    const record = makeRecord({
      conversationId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      state: 'finished',
      startStatus: 'READY',
      pullNumbers: [57],
    });
    expect(itemConversations([record], ISSUE, testOrigin(SERVER))).toEqual([
      {
        id: record.id,
        url: `${SERVER}/conversations/c0ffee00c0ffee00c0ffee00c0ffee00`,
        title: '#42: Crash on startup',
        state: 'finished',
        stage: null,
        pullNumbers: [57],
        repository: REPO,
        apiVersion: 'v1',
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        retrying: false,
        lastAnswerAt: null,
      },
    ]);
    const starting = makeRecord({ startStatus: 'PREPARING_REPOSITORY' });
    expect(itemConversations([starting], ISSUE, testOrigin(SERVER))[0]?.stage).toBe('Preparing repository');
  });

  it('should say when polls of a conversation keep failing, and when the server last answered', () => {
    const failing = makeRecord({
      lastPolledAt: '2026-11-28T10:05:00.000Z',
      pollFailure: {
        count: 4,
        since: '2026-11-28T10:06:00.000Z',
        retryAt: '2026-11-28T10:10:00.000Z',
        notBefore: null,
      },
    });
    const done = { ...failing, state: 'finished' as const, polling: false };

    expect(itemConversations([failing], ISSUE, testOrigin(SERVER))[0]).toMatchObject({
      retrying: true,
      lastAnswerAt: '2026-11-28T10:05:00.000Z',
    });
    expect(itemConversations([done], ISSUE, testOrigin(SERVER))[0]).toMatchObject({
      retrying: false,
      lastAnswerAt: null,
    });
  });
});

describe('item index: PR cross-links and server conversations', () => {
  it('should list a conversation under every PR it lists', () => {
    const record = makeRecord({ pullNumbers: [57, 58] });
    expect(ids([record], itemKey(REPO, 57))).toEqual([record.id]);
    expect(ids([record], itemKey(REPO, 58))).toEqual([record.id]);
    expect(ids([record])).toEqual([record.id]);
    expect(ids([record], itemKey('octo-org/other', 57))).toEqual([]);
  });

  it('should list a found conversation whose title names #N in its repository', () => {
    const record = found({ title: 'Fix #42: crash on startup' });
    expect(ids([record])).toEqual([record.id]);
    expect(ids([record], itemKey('octo-org/other', 42))).toEqual([]);
  });

  it('should not read #N inside words or HTML entities', () => {
    expect(numbersInTitle('Fix #42, see #7 and (#8)')).toEqual([42, 7, 8]);
    expect(numbersInTitle('C#1 &#39;quoted&#39; issue#5 #0')).toEqual([]);
  });

  it('should list started and found conversations of one item together, newest first', () => {
    const records = [
      makeRecord({ id: 'started', createdAt: at(1) }),
      found({ pullNumbers: [42], createdAt: at(2) }),
    ];
    expect(ids(records)).toEqual(['f00d', 'started']);
  });

  it('should index a record under each item it names', () => {
    expect(recordItems(makeRecord({ pullNumbers: [57] })).sort()).toEqual([ISSUE, itemKey(REPO, 57)]);
  });
});

describe('trimFound', () => {
  it('should keep the newest found records up to the cap and every record started here', () => {
    const records = [
      makeRecord({ id: 's-old', createdAt: at(0) }),
      found({ id: 'f1', createdAt: at(1) }),
      found({ id: 'f2', createdAt: at(2) }),
      found({ id: 'f3', createdAt: at(3) }),
      makeRecord({ id: 's-new', createdAt: at(4) }),
    ];
    expect(trimFound(records, 2).map((r) => r.id)).toEqual(['s-old', 'f2', 'f3', 's-new']);
    expect(trimFound(records, 0).map((r) => r.id)).toEqual(['s-old', 's-new']);
    expect(trimFound(records, 5)).toEqual(records);
  });
});
