import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCachedReply, readListCache, writeListCache } from '@/lib/conversations/list-cache';
import { makeItem, SERVER } from './factories';

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
      server: { items: [makeItem()], nextPageId: 'p2', fetchedAt: '2026-11-28T10:00:00Z' },
      reply,
    });
    expect(await readCachedReply()).toEqual(reply);
    const stored = await fakeBrowser.storage.local.get('conversationListCache');
    expect(stored.conversationListCache).toMatchObject({ schemaVersion: 1, serverUrl: SERVER });
  });

  it('should ignore a cache it can no longer read', async () => {
    await fakeBrowser.storage.local.set({ conversationListCache: { schemaVersion: 99 } });
    expect(await readListCache()).toBeNull();
  });
});
