import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getConversation,
  loadConversations,
  MAX_RECORDS,
  migrateStoredConversations,
  updateConversations,
  upsertConversation,
} from '@/lib/background/conversation-store';
import { makeRecord } from '../../factories/conversation-record';

const at = (minute: number) => `2026-11-28T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('conversation store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should start empty', async () => {
    expect(await loadConversations()).toEqual([]);
  });

  it('should keep records newest first and replace by id', async () => {
    await upsertConversation(makeRecord({ id: 'a', createdAt: at(1) }));
    await upsertConversation(makeRecord({ id: 'b', createdAt: at(2) }));
    await upsertConversation(makeRecord({ id: 'a', createdAt: at(1), state: 'running' }));
    const actual = await loadConversations();
    expect(actual.map((r) => [r.id, r.state])).toEqual([
      ['b', 'starting'],
      ['a', 'running'],
    ]);
    expect((await getConversation('a'))?.state).toBe('running');
    expect(await getConversation('missing')).toBeNull();
  });

  it(`should keep only the newest ${MAX_RECORDS}`, async () => {
    const many = Array.from({ length: MAX_RECORDS + 5 }, (_, i) =>
      makeRecord({ id: `r${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }),
    );
    await updateConversations(() => ({ records: many, result: null }));
    const actual = await loadConversations();
    expect(actual).toHaveLength(MAX_RECORDS);
    expect(actual[0]?.id).toBe(`r${MAX_RECORDS + 4}`);
    expect(actual.some((r) => r.id === 'r0')).toBe(false);
  });

  it('should not lose concurrent updates', async () => {
    await Promise.all(
      ['x', 'y', 'z'].map((id, i) => upsertConversation(makeRecord({ id, createdAt: at(i) }))),
    );
    expect((await loadConversations()).map((r) => r.id).sort()).toEqual(['x', 'y', 'z']);
  });

  it('should store a versioned shape in storage.local', async () => {
    await upsertConversation(makeRecord({ id: 'a' }));
    const stored = await fakeBrowser.storage.local.get('conversations');
    expect(stored.conversations).toMatchObject({ schemaVersion: 1, records: [{ id: 'a' }] });
  });
});

describe('migrateStoredConversations', () => {
  it.each([
    ['nothing stored', null],
    ['an unknown version', { schemaVersion: 99, records: [] }],
    ['a bare array from before versioning', [makeRecord()]],
    ['garbage', 'not json at all'],
  ])('should read %s as an empty list', (_name, raw) => {
    expect(migrateStoredConversations(raw)).toEqual([]);
  });

  it('should read records without a repository as well as those stored before they were possible', () => {
    const before = makeRecord({ id: 'before', repository: 'octo-org/hello-world' });
    const without = makeRecord({ id: 'without', repository: null });
    expect(migrateStoredConversations({ schemaVersion: 1, records: [before, without] })).toEqual([
      before,
      without,
    ]);
  });

  it('should drop only the records that no longer parse', () => {
    const good = makeRecord({ id: 'good' });
    const actual = migrateStoredConversations({ schemaVersion: 1, records: [good, { id: 'bad' }, 42] });
    expect(actual).toEqual([good]);
  });
});
