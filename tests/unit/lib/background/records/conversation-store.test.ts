import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getConversation,
  loadConversations,
  MAX_RECORDS,
  updateConversations,
  upsertConversation,
} from '@/lib/background/records/conversation-store';
import { MAX_FOUND_RECORDS } from '@/lib/conversations/item-index';
import { makeRecord } from '../../../factories/conversation-record';

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

  it(`should keep at most ${MAX_FOUND_RECORDS} found on the server, never at the cost of one started here`, async () => {
    const minute = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const found = Array.from({ length: MAX_FOUND_RECORDS + 30 }, (_, i) =>
      makeRecord({ id: `f${i}`, foundOnServer: true, createdAt: minute(100 + i) }),
    );
    const started = Array.from({ length: MAX_RECORDS }, (_, i) =>
      makeRecord({ id: `s${i}`, createdAt: minute(i) }),
    );
    await updateConversations(() => ({ records: [...found, ...started], result: null }));
    const actual = await loadConversations();
    expect(actual.filter((r) => !r.foundOnServer)).toHaveLength(MAX_RECORDS);
    expect(actual.filter((r) => r.foundOnServer)).toHaveLength(MAX_FOUND_RECORDS);
    expect(actual.some((r) => r.id === 'f0')).toBe(false);
    expect(actual[0]?.id).toBe(`f${MAX_FOUND_RECORDS + 29}`);
  });

  it('should not lose concurrent updates', async () => {
    await Promise.all(
      ['x', 'y', 'z'].map((id, i) => upsertConversation(makeRecord({ id, createdAt: at(i) }))),
    );
    expect((await loadConversations()).map((r) => r.id).sort()).toEqual(['x', 'y', 'z']);
  });

  it('should store the records in storage.local (lib/storage/conversations.ts)', async () => {
    await upsertConversation(makeRecord({ id: 'a' }));
    const stored = await fakeBrowser.storage.local.get('conversations');
    expect(stored.conversations).toEqual([makeRecord({ id: 'a' })]);
  });
});
