// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateSecretKey, seal } from '@/lib/background/keys/secret-box';
import type { ConversationRecord } from '@/lib/conversations/record';
import { makeRecord } from '../../factories/conversation-record';
import { makeItem } from '../conversations/factories';

/*
 * Updating the extension must lose nothing. Each test stores what the previous versions left in storage,
 * written exactly as their code wrote it (hand-rolled `schemaVersion` wrappers, no WXT version entries), then
 * starts the background again with this version's modules: the stored items are defined anew and migrate
 * what they find, as they do when the service worker starts after an update.
 */

const CLOUD = 'https://app.all-hands.dev';
const SELF_HOSTED = 'http://localhost:3000';
const CLOUD_KEY = 'oh-sk-live-0123456789abcdef';
const SELF_HOSTED_KEY = 'session-key-for-my-server-42';

/** Loads this version's background modules afresh, as a service worker starting after an update does. */
async function startBackground() {
  vi.resetModules();
  const [settings, conversations, keys, listCache, drafts, list] = await Promise.all([
    import('@/lib/background/settings/settings-store'),
    import('@/lib/background/records/conversation-store'),
    import('@/lib/background/keys/api-keys'),
    import('@/lib/storage/list-cache'),
    import('@/lib/background/selection/drafts'),
    import('@/lib/background/list/list-conversations'),
  ]);
  return { ...settings, ...conversations, ...keys, ...listCache, ...drafts, ...list };
}

/** Records as the previous version kept them: parsed, newest first, with every field of the time. */
const RECORDS: ConversationRecord[] = [
  makeRecord({
    id: 'started-on-my-server',
    serverUrl: SELF_HOSTED,
    conversationId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    state: 'running',
    startStatus: 'READY',
    createdAt: '2026-11-28T12:00:00.000Z',
    updatedAt: '2026-11-28T12:01:00.000Z',
    lastPolledAt: '2026-11-28T12:01:00.000Z',
    notifiedState: 'running',
  }),
  makeRecord({
    id: 'failing-polls',
    serverUrl: SELF_HOSTED,
    pollFailure: {
      count: 3,
      since: '2026-11-28T11:00:00.000Z',
      retryAt: '2026-11-28T11:10:00.000Z',
      notBefore: null,
    },
    createdAt: '2026-11-28T11:00:00.000Z',
  }),
  makeRecord({
    id: 'selection-without-repository',
    serverUrl: CLOUD,
    repository: null,
    source: { kind: 'selection', url: 'https://ci.example.com/builds/42' },
    state: 'finished',
    polling: false,
    createdAt: '2026-11-28T10:00:00.000Z',
  }),
];

/**
 * A record as the versions before issue 17 stored it: without `requestId`, and `pollFailure` without
 * `notBefore` (both read back as null).
 */
function storedBeforeIssue17(record: ConversationRecord): unknown {
  const { requestId: _id, pollFailure, ...rest } = record;
  if (!pollFailure) return { ...rest, pollFailure };
  const { notBefore: _notBefore, ...failure } = pollFailure;
  return { ...rest, pollFailure: failure };
}

/** `pollFailure` came later: records stored before it have none. */
const { pollFailure: _none, ...OLDER_RECORD } = makeRecord({
  id: 'stored-before-poll-failures',
  serverUrl: SELF_HOSTED,
  state: 'error',
  detail: 'Repository not accessible',
  polling: false,
  createdAt: '2026-11-27T09:00:00.000Z',
});

const SETTINGS = { serverUrl: SELF_HOSTED, notifications: false, appMode: 'oss', apiVersion: 'v1' };

const SERVER_PAGE = {
  items: [makeItem({ key: 'abc', conversationId: 'abc', url: `${SELF_HOSTED}/conversations/abc` })],
  nextPageId: null,
  fetchedAt: '2026-11-28T12:02:00.000Z',
};

const DRAFT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const DRAFT = {
  text: 'TypeError: boom',
  url: 'https://ci.example.com/builds/42',
  createdAt: '2026-11-28T12:03:00.000Z',
  edits: {
    text: 'TypeError: boom (edited)',
    url: 'https://ci.example.com/builds/42',
    repository: 'octo-org/hello-world',
    branch: '',
    action: 'investigate',
    savedAt: '2026-11-28T12:04:00.000Z',
  },
};

/** What the last version before issue 11 stored: one key per server, hand-rolled versions. */
async function storeAsBeforeIssue11(encryption: CryptoKey, keyId: (key: string) => Promise<string>) {
  const reply = {
    serverUrl: SELF_HOSTED,
    items: [
      ...RECORDS.slice(0, 2).map((r) => makeItem({ key: `local:${r.id}`, localId: r.id })),
      ...SERVER_PAGE.items,
    ],
    nextPageId: null,
    fetchedAt: SERVER_PAGE.fetchedAt,
  };
  await fakeBrowser.storage.local.set({
    settings: SETTINGS,
    apiKeys: {
      [CLOUD]: await seal(encryption, CLOUD_KEY),
      [SELF_HOSTED]: await seal(encryption, SELF_HOSTED_KEY),
    },
    conversations: {
      schemaVersion: 1,
      records: [...RECORDS.map(storedBeforeIssue17), storedBeforeIssue17(OLDER_RECORD as ConversationRecord)],
    },
    conversationListCache: {
      schemaVersion: 2,
      serverUrl: SELF_HOSTED,
      keyId: await keyId(SELF_HOSTED_KEY),
      server: SERVER_PAGE,
      reply,
    },
  });
  await fakeBrowser.storage.session.set({ [`draft-${DRAFT_ID}`]: DRAFT });
  return { reply };
}

const offline = async () => {
  throw new TypeError('Failed to fetch');
};

describe('updating from the stored shapes of before issue 11', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep every setting, key, record, cached list and draft', async () => {
    const encryption = await generateSecretKey();
    const { keyFingerprint } = await import('@/lib/background/keys/api-keys');
    const { reply } = await storeAsBeforeIssue11(encryption, keyFingerprint);

    const bg = await startBackground();
    const apiKeys = bg.createApiKeyStore(async () => encryption);

    expect(await bg.loadSettings()).toEqual(SETTINGS);
    expect(await apiKeys.read(SELF_HOSTED)).toBe(SELF_HOSTED_KEY);
    expect(await apiKeys.read(CLOUD)).toBe(CLOUD_KEY);
    expect(await apiKeys.hints()).toEqual({ [CLOUD]: '…cdef', [SELF_HOSTED]: '…r-42' });
    expect(await bg.loadConversations()).toEqual([...RECORDS, { ...OLDER_RECORD, pollFailure: null }]);
    expect(await bg.readListCache()).toEqual({
      serverUrl: SELF_HOSTED,
      keyId: await keyFingerprint(SELF_HOSTED_KEY),
      server: SERVER_PAGE,
      reply,
    });
    expect(await bg.loadDraft(DRAFT_ID)).toEqual(DRAFT);

    // The popup's list, with the server out of reach: the records and the cached page, as before the update.
    const list = await bg.listConversations(
      { refresh: true },
      { apiKeys, fetch: offline, now: () => new Date() },
    );
    expect(list.items.map((item) => item.localId ?? item.conversationId)).toEqual([
      'started-on-my-server',
      'failing-polls',
      'abc',
      'stored-before-poll-failures',
    ]);
    expect(list.serverError?.code).toBe('offline');

    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.conversations).toHaveLength(RECORDS.length + 1);
    expect(stored.conversations$).toEqual({ v: 3 });
    expect(stored.conversationListCache).not.toHaveProperty('schemaVersion');
    expect(stored.conversationListCache$).toEqual({ v: 2 });
  });

  it('should stay as it is through further writes and restarts', async () => {
    const encryption = await generateSecretKey();
    const { keyFingerprint } = await import('@/lib/background/keys/api-keys');
    await storeAsBeforeIssue11(encryption, keyFingerprint);

    const first = await startBackground();
    const firstKeys = first.createApiKeyStore(async () => encryption);
    // What the background does next: polls update records, the popup's list is cached again, keys are read.
    await first.updateConversations((records) => ({ records, result: null }));
    await first.saveSettings(await first.loadSettings());
    const cache = await first.readListCache();
    if (cache) await first.writeListCache(cache);
    expect(await firstKeys.read(SELF_HOSTED)).toBe(SELF_HOSTED_KEY);
    const afterFirst = await fakeBrowser.storage.local.get(null);

    const second = await startBackground();
    const secondKeys = second.createApiKeyStore(async () => encryption);
    expect(await second.loadSettings()).toEqual(SETTINGS);
    expect(await second.loadConversations()).toEqual([...RECORDS, { ...OLDER_RECORD, pollFailure: null }]);
    expect(await second.readListCache()).toEqual(cache);
    expect(await secondKeys.read(SELF_HOSTED)).toBe(SELF_HOSTED_KEY);
    expect(await secondKeys.read(CLOUD)).toBe(CLOUD_KEY);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(afterFirst);
  });

  it('should drop an unreadable record on its own, and keep the others', async () => {
    await fakeBrowser.storage.local.set({
      conversations: { schemaVersion: 1, records: [RECORDS[0], { id: 'half a record' }, 42, RECORDS[1]] },
    });
    const bg = await startBackground();
    expect((await bg.loadConversations()).map((r) => r.id)).toEqual([
      'started-on-my-server',
      'failing-polls',
    ]);
  });
});

describe('updating from the first versions (one key, for the saved server)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should give the one key to the server the settings named, and keep the records', async () => {
    const encryption = await generateSecretKey();
    await fakeBrowser.storage.local.set({
      settings: { serverUrl: SELF_HOSTED, notifications: true },
      apiKey: await seal(encryption, SELF_HOSTED_KEY),
      conversations: { schemaVersion: 1, records: [OLDER_RECORD] },
    });

    const bg = await startBackground();
    const apiKeys = bg.createApiKeyStore(async () => encryption);
    expect(await apiKeys.read(SELF_HOSTED)).toBe(SELF_HOSTED_KEY);
    expect(await apiKeys.read(CLOUD)).toBeNull();
    expect(await bg.loadSettings()).toEqual({
      serverUrl: SELF_HOSTED,
      notifications: true,
      appMode: null,
      apiVersion: null,
    });
    expect(await bg.loadConversations()).toEqual([{ ...OLDER_RECORD, pollFailure: null }]);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).not.toHaveProperty('apiKey');

    const again = await startBackground();
    expect(await again.createApiKeyStore(async () => encryption).read(SELF_HOSTED)).toBe(SELF_HOSTED_KEY);
  });
});
