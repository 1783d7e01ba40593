import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  cachedReply,
  clearListCache,
  readCachedReply,
  readListCache,
  sameOwner,
  writeListCache,
} from '@/lib/storage/list-cache';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';
import { makeItem, SERVER } from '../conversations/factories';

/** The list cache module as a worker or popup loading now gets it: migrating whatever is stored. */
async function startWith(stored: unknown) {
  await fakeBrowser.storage.local.set({ conversationListCache: stored });
  vi.resetModules();
  return import('@/lib/storage/list-cache');
}

describe('conversation list cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should be empty at first', async () => {
    expect(await readListCache()).toBeNull();
    expect(await readCachedReply()).toBeNull();
  });

  it('should keep the last reply in storage.local', async () => {
    const reply = {
      serverUrl: testOrigin(SERVER),
      items: [makeItem()],
      nextPageId: 'p2',
      fetchedAt: '2026-11-28T10:00:00Z',
    };
    await writeListCache({
      serverUrl: testOrigin(SERVER),
      keyId: '0123456789abcdef',
      server: { items: [makeItem()], nextPageId: 'p2', fetchedAt: '2026-11-28T10:00:00Z' },
      reply,
    });
    expect(await readCachedReply()).toEqual(reply);
    const stored = await fakeBrowser.storage.local.get('conversationListCache');
    expect(stored.conversationListCache).toMatchObject({ serverUrl: SERVER, keyId: '0123456789abcdef' });
    expect(stored.conversationListCache).not.toHaveProperty('schemaVersion');
  });

  it('should forget the list when cleared', async () => {
    const reply = { serverUrl: testOrigin(SERVER), items: [makeItem()], nextPageId: null, fetchedAt: null };
    await writeListCache({ serverUrl: testOrigin(SERVER), keyId: null, server: null, reply });
    await clearListCache();
    expect(await readCachedReply()).toBeNull();
  });

  it('should drop a cache from before it was keyed by the key, whose account is unknown', async () => {
    const reply = { serverUrl: SERVER, items: [makeItem()], nextPageId: null, fetchedAt: null };
    const cache = await startWith({ schemaVersion: 1, serverUrl: SERVER, server: null, reply });
    expect(await cache.readCachedReply()).toBeNull();
  });

  it('should keep a cache stored before issue 11 (hand-rolled version 2), without its version field', async () => {
    const reply = { serverUrl: SERVER, items: [makeItem()], nextPageId: null, fetchedAt: null };
    const stored = { serverUrl: SERVER, keyId: 'a', server: null, reply };
    const cache = await startWith({ schemaVersion: 2, ...stored });
    expect(await cache.readListCache()).toEqual(stored);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      conversationListCache: stored,
      conversationListCache$: { v: 2 },
    });
  });

  it.each([
    ['garbage', 'garbage'],
    ['an unknown hand-rolled version', { schemaVersion: 99 }],
    [
      'a reply that no longer parses',
      { schemaVersion: 2, serverUrl: SERVER, keyId: null, server: null, reply: {} },
    ],
  ])('should read %s stored before issue 11 as no cache', async (_name, stored) => {
    expect(await (await startWith(stored)).readListCache()).toBeNull();
  });

  it.each([
    [{ serverUrl: SERVER, keyId: 'a' }, true],
    [{ serverUrl: SERVER, keyId: 'b' }, false],
    [{ serverUrl: SERVER, keyId: null }, false],
    [{ serverUrl: 'http://localhost:3000', keyId: 'a' }, false],
  ])('should tell whose list it is: %o', (other, expected) => {
    expect(
      sameOwner(
        { serverUrl: testOrigin(SERVER), keyId: 'a' },
        { ...other, serverUrl: testOrigin(other.serverUrl) },
      ),
    ).toBe(expected);
  });

  it('should rebuild the first page from the cached server page and the records as they are now', () => {
    const fetchedAt = '2026-11-28T10:00:00Z';
    const onServer = makeItem({ key: 'c1', conversationId: 'c1', state: 'running' });
    const reply = { serverUrl: SERVER, items: [onServer], nextPageId: 'p2', fetchedAt };
    const cache = {
      serverUrl: SERVER,
      keyId: 'a',
      server: { items: [onServer], nextPageId: 'p2', fetchedAt },
      reply: { ...reply, serverError: { code: 'timeout' as const, message: 'Too slow.' } },
    };
    const start = makeRecord({ id: 't1', title: 'Started since', createdAt: '2026-11-28T11:00:00.000Z' });

    const actual = cachedReply(cache, [start]);
    expect(actual.items.map((item) => item.title)).toEqual(['Started since', 'Fix the flaky test']);
    expect(actual).toMatchObject({
      serverUrl: SERVER,
      nextPageId: 'p2',
      fetchedAt,
      serverError: { code: 'timeout' },
    });
  });

  it('should ignore a cache it can no longer read', async () => {
    await fakeBrowser.storage.local.set({ conversationListCache: { schemaVersion: 99 } });
    expect(await readListCache()).toBeNull();
  });
});
