// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { createServerScan, SCAN_INTERVAL_MS, type ServerScan } from '@/lib/background/records/server-scan';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { itemKey } from '@/lib/conversations/item';
import { itemConversations } from '@/lib/conversations/item-index';
import { appConversationSchema } from '@/lib/openhands/schemas-v1';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

const KEY = 'scan-test-key-123';
const REPO = 'octo-org/hello-world';
let server: OpenHandsTestServer;
let clock: number;

async function makeScan() {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(KEY));
  const onRecords = vi.fn(async () => {});
  return {
    scan: createServerScan({ apiKeys, fetch: globalThis.fetch, now: () => new Date(clock), onRecords }),
    onRecords,
  };
}

const searches = () => server.requests.filter((r) => r.path === '/api/v1/app-conversations/search');

/** After one read: `scan` reads again only once a whole minute has passed. */
async function expectNextReadAMinuteLater(scan: ServerScan) {
  clock += SCAN_INTERVAL_MS - 1;
  await scan.scan();
  expect(searches()).toHaveLength(1);
  clock += 1;
  await scan.scan();
  expect(searches()).toHaveLength(2);
}

describe('server scan', () => {
  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    clock = Date.parse('2026-11-28T10:00:00Z');
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(server.url),
      apiVersion: 'v1',
      appMode: 'saas',
    });
  });

  it('should adopt the newest conversations naming an item of their repository, without notifying them', async () => {
    const [byPr] = server.seedConversations(1, {
      repository: REPO,
      pr_number: [57],
      execution_status: 'finished',
    });
    const [byTitle] = server.seedConversations(1, { repository: REPO, titlePrefix: 'Fix #42:' });
    server.seedConversations(1, { repository: REPO, titlePrefix: 'Unrelated work' });
    server.seedConversations(1, { repository: null, titlePrefix: 'Fix #42 somewhere' });
    const { scan, onRecords } = await makeScan();
    await scan.scan();
    const records = await loadConversations();
    expect(records.map((r) => r.conversationId).sort()).toEqual([byPr?.id, byTitle?.id].sort());
    expect(records.find((r) => r.conversationId === byPr?.id)).toMatchObject({
      foundOnServer: true,
      state: 'finished',
      notifiedState: 'finished',
      pullNumbers: [57],
      repository: REPO,
      polling: false,
    });
    expect(records.find((r) => r.conversationId === byTitle?.id)).toMatchObject({
      state: 'running',
      notifiedState: 'running',
      polling: true,
    });
    expect(itemConversations(records, itemKey(REPO, 57), testOrigin(server.url))).toHaveLength(1);
    expect(itemConversations(records, itemKey(REPO, 42), testOrigin(server.url)).map((c) => c.title)).toEqual(
      ['Fix #42: 1'],
    );
    expect(onRecords).toHaveBeenCalledTimes(1);
    expect(server.requests.every((r) => r.valid)).toBe(true);
  });

  it('should read the server at most once a minute', async () => {
    const { scan } = await makeScan();
    await scan.scan();
    await Promise.all([scan.scan(), scan.scan()]);
    await expectNextReadAMinuteLater(scan);
  });

  it('should still read at most once a minute after the worker started again', async () => {
    await (await makeScan()).scan.scan();
    // A new worker: a new scan object, with nothing in memory
    const { scan } = await makeScan();
    await expectNextReadAMinuteLater(scan);
  });

  it('should not adopt a conversation a record already knows', async () => {
    const [conversation] = server.seedConversations(1, { repository: REPO, pr_number: [57] });
    await upsertConversation(makeRecord({ id: 'mine', conversationId: conversation?.id ?? '' }));
    const { scan } = await makeScan();
    await scan.scan();
    expect((await loadConversations()).map((r) => r.id)).toEqual(['mine']);
  });

  it('should adopt from a page fetched anyway (the popup’s) without a request, and count it as a read', async () => {
    const [conversation] = server.seedConversations(1, { repository: REPO, pr_number: [57] });
    const { scan } = await makeScan();
    await scan.offer(testOrigin(server.url), [appConversationSchema.parse(conversation)]);
    expect((await loadConversations()).map((r) => r.conversationId)).toEqual([conversation?.id]);
    await scan.scan();
    expect(server.requests).toEqual([]);
  });

  it('should not scan a V0 server', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(server.url),
      apiVersion: 'v0',
      appMode: null,
    });
    const { scan } = await makeScan();
    await scan.scan();
    expect(searches()).toEqual([]);
  });
});
