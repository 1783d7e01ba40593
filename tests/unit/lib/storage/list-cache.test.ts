import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearListCache,
  readCachedReply,
  readListCache,
  sameOwner,
  writeListCache,
} from '@/lib/storage/list-cache';
import { makeItem, SERVER } from '../conversations/factories';

describe('conversation list cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should be empty at first', async () => {
    expect(await readListCache()).toBeNull();
    expect(await readCachedReply()).toBeNull();
  });

  it('should keep the last reply in storage.local', async () => {
    const reply = {
      serverUrl: SERVER,
      items: [makeItem()],
      nextPageId: 'p2',
      fetchedAt: '2026-11-28T10:00:00Z',
    };
    await writeListCache({
      serverUrl: SERVER,
      keyId: '0123456789abcdef',
      server: { items: [makeItem()], nextPageId: 'p2', fetchedAt: '2026-11-28T10:00:00Z' },
      reply,
    });
    expect(await readCachedReply()).toEqual(reply);
    const stored = await fakeBrowser.storage.local.get('conversationListCache');
    expect(stored.conversationListCache).toMatchObject({
      schemaVersion: 2,
      serverUrl: SERVER,
      keyId: '0123456789abcdef',
    });
  });

  it('should forget the list when cleared', async () => {
    const reply = { serverUrl: SERVER, items: [makeItem()], nextPageId: null, fetchedAt: null };
    await writeListCache({ serverUrl: SERVER, keyId: null, server: null, reply });
    await clearListCache();
    expect(await readCachedReply()).toBeNull();
  });

  it('should drop a cache from before it was keyed by the key, whose account is unknown', async () => {
    const reply = { serverUrl: SERVER, items: [makeItem()], nextPageId: null, fetchedAt: null };
    await fakeBrowser.storage.local.set({
      conversationListCache: { schemaVersion: 1, serverUrl: SERVER, server: null, reply },
    });
    expect(await readCachedReply()).toBeNull();
  });

  it.each([
    [{ serverUrl: SERVER, keyId: 'a' }, true],
    [{ serverUrl: SERVER, keyId: 'b' }, false],
    [{ serverUrl: SERVER, keyId: null }, false],
    [{ serverUrl: 'http://localhost:3000', keyId: 'a' }, false],
  ])('should tell whose list it is: %o', (other, expected) => {
    expect(sameOwner({ serverUrl: SERVER, keyId: 'a' }, other)).toBe(expected);
  });

  it('should ignore a cache it can no longer read', async () => {
    await fakeBrowser.storage.local.set({ conversationListCache: { schemaVersion: 99 } });
    expect(await readListCache()).toBeNull();
  });
});
