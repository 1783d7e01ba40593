// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { CACHE_MAX_AGE_MS, listConversations, PAGE_SIZE } from '@/lib/background/list/list-conversations';
import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { createServerScan } from '@/lib/background/records/server-scan';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { conversationListReplySchema } from '@/lib/conversations/list-page';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { readCachedReply, readListCache } from '@/lib/storage/list-cache';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

const KEY = 'list-test-key-123';
let server: OpenHandsTestServer;
let clock: number;

/** Background dependencies wired to the test server, with a clock the test moves. */
async function makeDeps(key: string | null = KEY) {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(key));
  return { apiKeys, fetch: globalThis.fetch, now: () => new Date(clock) };
}

/** The list calls the server received. */
const listCalls = () =>
  server.requests.filter((r) => /\/api\/(v1\/app-)?conversations(\/search)?$/.test(r.path));

describe('listConversations against the OpenHands test server', () => {
  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    clock = Date.parse('2026-11-28T12:00:00Z');
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
  });

  it('should merge local starts with the server page, newest first', async () => {
    const [newest] = server.seedConversations(2);
    await upsertConversation(
      makeRecord({ id: 't1', taskId: 't1', serverUrl: server.url, createdAt: '2099-01-01T00:00:00.000Z' }),
    );
    const actual = await listConversations({ refresh: true }, await makeDeps());
    expect(actual.items.map((item) => item.title)).toEqual([
      '#42: Crash on startup',
      'Seeded conversation 2',
      'Seeded conversation 1',
    ]);
    expect(actual.items[0]).toMatchObject({ state: 'starting', localId: 't1' });
    expect(actual.items[1]?.url).toBe(`${server.url}/conversations/${newest?.id}`);
    expect(actual).toMatchObject({
      serverUrl: server.url,
      nextPageId: null,
      fetchedAt: new Date(clock).toISOString(),
    });
    expect(actual.serverError).toBeUndefined();
    expect(listCalls().at(-1)?.query.get('limit')).toBe(String(PAGE_SIZE));
  });

  it('should answer a list the popup can read when one server conversation lists PR 0 or -5', async () => {
    const [zero, negative] = server.seedConversations(3);
    server.setConversationStatus(zero?.id ?? '', { pr_number: [0] });
    server.setConversationStatus(negative?.id ?? '', { pr_number: [-5, 12] });
    await upsertConversation(
      makeRecord({ id: 't1', taskId: 't1', serverUrl: server.url, createdAt: '2099-01-01T00:00:00.000Z' }),
    );

    const reply = conversationListReplySchema.safeParse(
      await listConversations({ refresh: true }, await makeDeps()),
    );

    expect(
      reply.success && reply.data.items.map((item) => [item.localId ?? item.title, item.pullNumbers]),
    ).toEqual([
      ['t1', []],
      ['Seeded conversation 3', []],
      ['Seeded conversation 2', [12]],
      ['Seeded conversation 1', []],
    ]);
    expect(reply.success && reply.data.serverError).toBeUndefined();
  });

  it('should list a conversation started here and found on the server once, with its source', async () => {
    const [conversation] = server.seedConversations(1);
    await upsertConversation(
      makeRecord({ serverUrl: server.url, conversationId: conversation?.id ?? '', state: 'running' }),
    );
    const actual = await listConversations({ refresh: true }, await makeDeps());
    expect(actual.items).toHaveLength(1);
    expect(actual.items[0]).toMatchObject({ title: 'Seeded conversation 1', source: { number: 42 } });
  });

  it('should leave out records of another server', async () => {
    await upsertConversation(makeRecord({ serverUrl: 'https://other.example' }));
    const actual = await listConversations({ refresh: true }, await makeDeps());
    expect(actual.items).toEqual([]);
  });

  it('should let the server scan adopt from the page it fetched, without a request of its own', async () => {
    const [named] = server.seedConversations(1, { titlePrefix: 'Fix #42:' });
    server.seedConversations(1, { titlePrefix: 'Unrelated' });
    const deps = await makeDeps();
    const scan = createServerScan({ ...deps, onRecords: async () => {} });
    await listConversations({ refresh: true }, { ...deps, onServerPage: scan.offer });
    expect((await loadConversations()).map((r) => [r.conversationId, r.foundOnServer])).toEqual([
      [named?.id, true],
    ]);
    await scan.scan();
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/v1/web-client/config',
      '/api/v1/app-conversations/search',
    ]);
  });

  it('should page with next_page_id', async () => {
    server.seedConversations(PAGE_SIZE + 3);
    const deps = await makeDeps();
    const first = await listConversations({ refresh: true }, deps);
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.nextPageId).not.toBeNull();
    const second = await listConversations({ pageId: first.nextPageId ?? '' }, deps);
    expect(second.items.map((item) => item.title)).toEqual([
      'Seeded conversation 3',
      'Seeded conversation 2',
      'Seeded conversation 1',
    ]);
    expect(second.nextPageId).toBeNull();
  });

  it('should list from GET /api/conversations on a legacy server', async () => {
    server.configure({ mode: 'v0', apiKey: null });
    server.seedConversations(2);
    const actual = await listConversations({ refresh: true }, await makeDeps(null));
    expect(actual.items.map((item) => item.title)).toEqual([
      'Seeded conversation 2',
      'Seeded conversation 1',
    ]);
    expect(listCalls().at(-1)?.path).toBe('/api/conversations');
  });

  it('should reuse a fresh server page unless asked to refresh', async () => {
    server.seedConversations(1);
    const deps = await makeDeps();
    await listConversations({ refresh: true }, deps);
    clock += CACHE_MAX_AGE_MS - 1;
    await listConversations({}, deps);
    expect(listCalls()).toHaveLength(1);
    await listConversations({ refresh: true }, deps);
    expect(listCalls()).toHaveLength(2);
  });

  it('should ask the server again once the cached page is old', async () => {
    const deps = await makeDeps();
    await listConversations({ refresh: true }, deps);
    clock += CACHE_MAX_AGE_MS;
    await listConversations({}, deps);
    expect(listCalls()).toHaveLength(2);
  });

  it('should answer with cached and local items and the error when the server fails', async () => {
    server.seedConversations(1);
    const deps = await makeDeps();
    const first = await listConversations({ refresh: true }, deps);
    await upsertConversation(makeRecord({ serverUrl: server.url, createdAt: '2099-01-01T00:00:00.000Z' }));
    server.failNext('server_error', 3);
    clock += 60_000;
    const actual = await listConversations({ refresh: true }, deps);
    expect(actual.serverError?.code).toBe('server_error');
    expect(actual.items.map((item) => item.title)).toEqual([
      '#42: Crash on startup',
      'Seeded conversation 1',
    ]);
    expect(actual.fetchedAt).toBe(first.fetchedAt);
  });

  it('should show only local items when the key is rejected', async () => {
    server.seedConversations(1);
    const deps = await makeDeps();
    await listConversations({ refresh: true }, deps);
    await upsertConversation(makeRecord({ serverUrl: server.url }));
    server.configure({ apiKey: 'another-key' });
    const actual = await listConversations({ refresh: true }, deps);
    expect(actual.serverError).toMatchObject({ code: 'unauthorized', action: 'options' });
    expect(actual.items.map((item) => item.localId)).toEqual([makeRecord().id]);
  });

  it('should say there is no key on Cloud without asking anyone', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: CLOUD_ORIGIN });
    await upsertConversation(makeRecord({ serverUrl: CLOUD_ORIGIN }));
    const actual = await listConversations({ refresh: true }, await makeDeps(null));
    expect(actual.serverError).toMatchObject({ code: 'no_key', action: 'options' });
    expect(actual.items).toHaveLength(1);
    expect(server.requests).toEqual([]);
  });

  it('should keep the page id when "Load more" fails, so it can be tried again', async () => {
    server.seedConversations(PAGE_SIZE + 1);
    const deps = await makeDeps();
    const first = await listConversations({ refresh: true }, deps);
    server.failNext('disconnect', 3);
    const actual = await listConversations({ pageId: first.nextPageId ?? '' }, deps);
    expect(actual).toMatchObject({
      items: [],
      nextPageId: first.nextPageId,
      serverError: { code: 'offline' },
    });
  });

  it('should cache the first page for the popup', async () => {
    server.seedConversations(1);
    const actual = await listConversations({ refresh: true }, await makeDeps());
    expect(await readCachedReply()).toEqual(actual);
  });

  it('should key the cache by server and a fingerprint of the key, never the key', async () => {
    await listConversations({ refresh: true }, await makeDeps());
    const cache = await readListCache();
    expect(cache).toMatchObject({ serverUrl: server.url, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.stringify(await fakeBrowser.storage.local.get('conversationListCache'))).not.toContain(KEY);
  });

  it('should not reuse a page cached with another key, even when the server fails', async () => {
    server.seedConversations(1);
    const deps = await makeDeps();
    await listConversations({ refresh: true }, deps);
    // Another key (another account) on the same server, set without the options page clearing the cache.
    await deps.apiKeys.write(server.url, testKey('another-accounts-key'));
    server.configure({ apiKey: 'another-accounts-key' });
    server.failNext('server_error', 3);
    clock += 1;

    const actual = await listConversations({}, deps);

    expect(actual.serverError?.code).toBe('server_error');
    expect(actual.items).toEqual([]);
  });

  it('should not cache a list fetched for a key that changed meanwhile', async () => {
    server.seedConversations(1);
    const deps = await makeDeps();
    const fetch: typeof globalThis.fetch = async (...args) => {
      // The user saves another key while the server is being asked.
      await deps.apiKeys.write(server.url, testKey('a-newer-key-5555'));
      return globalThis.fetch(...args);
    };

    await listConversations({ refresh: true }, { ...deps, fetch });

    expect(await readCachedReply()).toBeNull();
  });
});
