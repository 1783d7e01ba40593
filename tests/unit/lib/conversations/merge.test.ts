// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { appendUnique, mergeConversations, newestFirst } from '@/lib/conversations/merge';
import { makeItem } from './factories';

const at = (minute: number) => `2026-11-28T10:${String(minute).padStart(2, '0')}:00.000Z`;
const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('mergeConversations', () => {
  it('should list local and server conversations together, newest first', () => {
    const local = [makeItem({ key: 'local:t1', localId: 't1', conversationId: null, createdAt: at(30) })];
    const server = [makeItem({ key: 'a', createdAt: at(20) }), makeItem({ key: 'b', createdAt: at(40) })];
    const actual = mergeConversations(local, { items: server, nextPageId: null });
    expect(keys(actual)).toEqual(['b', 'local:t1', 'a']);
  });

  it('should list a conversation known on both sides once', () => {
    const local = [makeItem({ key: 'a', localId: 't1' })];
    const actual = mergeConversations(local, { items: [makeItem({ key: 'a' })], nextPageId: null });
    expect(actual).toHaveLength(1);
  });

  it("should keep the local record's source and stage but take the server's title and state", () => {
    const source = { kind: 'issue' as const, url: 'https://github.com/o/r/issues/42', number: 42 };
    const local = makeItem({
      key: 'a',
      localId: 't1',
      title: '#42: Crash',
      state: 'starting',
      startStatus: 'PREPARING_REPOSITORY',
      source,
    });
    const server = makeItem({ key: 'a', title: 'Fix the crash', state: 'starting', source: null });
    const [actual] = mergeConversations([local], { items: [server], nextPageId: null });
    expect(actual).toMatchObject({
      localId: 't1',
      source,
      title: 'Fix the crash',
      state: 'starting',
      startStatus: 'PREPARING_REPOSITORY',
    });
  });

  it("should keep the local title while the server's is still empty", () => {
    const local = makeItem({ key: 'a', localId: 't1', title: '#42: Crash' });
    const [actual] = mergeConversations([local], {
      items: [makeItem({ key: 'a', title: null })],
      nextPageId: null,
    });
    expect(actual?.title).toBe('#42: Crash');
  });

  it('should drop the start stage once the server says the conversation is past starting', () => {
    const local = makeItem({
      key: 'a',
      localId: 't1',
      state: 'starting',
      startStatus: 'STARTING_CONVERSATION',
    });
    const [actual] = mergeConversations([local], {
      items: [makeItem({ key: 'a', state: 'finished' })],
      nextPageId: null,
    });
    expect(actual).toMatchObject({ state: 'finished', startStatus: null });
  });

  describe('a start whose conversation the server lists before the start task says READY', () => {
    const start = makeItem({
      key: 'local:t1',
      localId: 't1',
      conversationId: null,
      title: '#42: Crash',
      state: 'starting',
      startStatus: 'STARTING_CONVERSATION',
      createdAt: at(10),
    });

    it('should be listed once, as the conversation', () => {
      const created = makeItem({ key: 'new', title: 'Fix the crash', state: 'running', createdAt: at(11) });
      const actual = mergeConversations([start], { items: [created], nextPageId: null });
      expect(actual).toHaveLength(1);
      expect(actual[0]).toMatchObject({
        key: 'new',
        localId: 't1',
        conversationId: 'c1',
        title: 'Fix the crash',
        state: 'running',
        startStatus: null,
      });
    });

    it('should be listed once even after polling gave up on the start ("Status unknown")', () => {
      const created = makeItem({ key: 'new', state: 'finished', createdAt: at(11) });
      const actual = mergeConversations([{ ...start, state: 'unknown' }], {
        items: [created],
        nextPageId: null,
      });
      expect(actual).toHaveLength(1);
      expect(actual[0]).toMatchObject({ key: 'new', localId: 't1', state: 'finished' });
    });

    it.each([
      ['on another repository', { repository: 'octo-org/other' }],
      ['on another branch', { branch: 'develop' }],
      ['created before the start', { createdAt: at(5) }],
      ['created long after the start', { createdAt: '2026-11-28T11:00:00.000Z' }],
    ])('should not take a conversation %s', (_name, overrides) => {
      const other = makeItem({ key: 'other', ...overrides });
      const actual = mergeConversations([start], { items: [other], nextPageId: null });
      expect(keys(actual).sort()).toEqual(['local:t1', 'other']);
    });

    it('should not take a conversation another record already names', () => {
      const known = makeItem({ key: 'new', localId: 't0', createdAt: at(11) });
      const created = makeItem({ key: 'new', createdAt: at(11) });
      const actual = mergeConversations([known, start], { items: [created], nextPageId: null });
      expect(actual.map((item) => item.localId).sort()).toEqual(['t0', 't1']);
    });
  });

  it('should leave local records older than this page for later pages', () => {
    const local = [
      makeItem({ key: 'local:new', createdAt: at(50) }),
      makeItem({ key: 'local:old', createdAt: at(5) }),
    ];
    const server = [makeItem({ key: 'a', createdAt: at(40) }), makeItem({ key: 'b', createdAt: at(30) })];
    const actual = mergeConversations(local, { items: server, nextPageId: 'next' });
    expect(keys(actual)).toEqual(['local:new', 'a', 'b']);
  });

  it('should list every local record on the last page or when the server has none', () => {
    const local = [makeItem({ key: 'local:old', createdAt: at(5) })];
    expect(keys(mergeConversations(local, { items: [], nextPageId: null }))).toEqual(['local:old']);
    expect(
      keys(
        mergeConversations(local, { items: [makeItem({ key: 'a', createdAt: at(40) })], nextPageId: null }),
      ),
    ).toEqual(['a', 'local:old']);
  });
});

describe('newestFirst', () => {
  it('should put unreadable times last', () => {
    const items = [makeItem({ key: 'x', createdAt: '' }), makeItem({ key: 'y', createdAt: at(1) })];
    expect(keys(newestFirst(items))).toEqual(['y', 'x']);
  });

  it('should compare times, not strings', () => {
    const items = [
      makeItem({ key: 'utc', createdAt: '2026-11-28T10:00:00Z' }),
      makeItem({ key: 'offset', createdAt: '2026-11-28T11:30:00+02:00' }),
    ];
    expect(keys(newestFirst(items))).toEqual(['utc', 'offset']);
  });
});

describe('appendUnique', () => {
  it('should add older pages without repeating what is already listed', () => {
    const listed = [makeItem({ key: 'a', title: 'first page', createdAt: at(40) })];
    const more = [
      makeItem({ key: 'a', title: 'again', createdAt: at(40) }),
      makeItem({ key: 'b', createdAt: at(10) }),
    ];
    const actual = appendUnique(listed, more);
    expect(actual.map((item) => [item.key, item.title])).toEqual([
      ['a', 'first page'],
      ['b', 'Fix the flaky test'],
    ]);
  });
});
