// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { listConversations } from '@/lib/background/list/list-conversations';
import { pollOnce } from '@/lib/background/polling/poller';
import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { connect, isRouteGone } from '@/lib/background/settings/connection';
import { loadSettings, saveSettings } from '@/lib/background/settings/settings-store';
import { startConversation } from '@/lib/background/starts/start-conversation';
import type { StartInput } from '@/lib/conversations/start-input';
import { createOpenHandsError } from '@/lib/errors/error';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';
import { json, recordingFetch } from '../../openhands/helpers/fake-fetch';

const KEY_ONE = 'key-for-server-one-1111';
const KEY_TWO = 'key-for-server-two-2222';
const input: StartInput = {
  repository: 'octo-org/hello-world',
  message: 'Fix the crash on startup',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};

let one: OpenHandsTestServer;
let two: OpenHandsTestServer;

/** Background dependencies with the real key store and real fetch; `keys` are saved per server first. */
async function makeDeps(keys: Record<string, string> = {}) {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  for (const [serverUrl, key] of Object.entries(keys)) await apiKeys.write(serverUrl, testKey(key));
  return {
    apiKeys,
    fetch: vi.fn(globalThis.fetch),
    now: () => new Date('2026-11-28T10:00:00Z'),
    schedulePoll: vi.fn(),
    notify: vi.fn(async () => {}),
    onRecords: vi.fn(async () => {}),
  };
}

/** The key-carrying header values a server received, in order. */
const sentKeys = (server: OpenHandsTestServer) =>
  server.requests.flatMap((r) =>
    [r.headers.authorization, r.headers['x-session-api-key'], r.headers['x-access-token']].filter(Boolean),
  );

const probes = (server: OpenHandsTestServer) =>
  server.requests.filter((r) => r.path === '/api/v1/web-client/config');

beforeAll(async () => {
  one = await startOpenHandsServer({ mode: 'oss', apiKey: null });
  two = await startOpenHandsServer({ mode: 'oss', apiKey: null });
});
afterAll(async () => {
  await one.close();
  await two.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  one.reset();
  two.reset();
  await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(one.url) });
});

describe('connect: the key for exactly the server it connects to', () => {
  it('should use the saved server’s own key', async () => {
    const { client } = await connect(await makeDeps({ [one.url]: KEY_ONE, [two.url]: KEY_TWO }));
    await client.searchConversations();
    expect(sentKeys(one)).toEqual([KEY_ONE]);
  });

  it('should use another server’s own key for that server, never the saved server’s', async () => {
    const deps = await makeDeps({ [one.url]: KEY_ONE, [two.url]: KEY_TWO });
    const { client } = await connect(deps, { serverUrl: testOrigin(two.url) });
    await client.searchConversations();
    expect(sentKeys(two)).toEqual([KEY_TWO]);
  });

  it('should send no key to a server that has none saved, even when the saved server has one', async () => {
    const { client } = await connect(await makeDeps({ [one.url]: KEY_ONE }), {
      serverUrl: testOrigin(two.url),
    });
    await client.searchConversations();
    expect(two.requests.length).toBeGreaterThan(0);
    expect(sentKeys(two)).toEqual([]);
  });

  it('should send a typed key, and the saved one when the typed key is empty', async () => {
    const deps = await makeDeps({ [two.url]: KEY_TWO });
    await (
      await connect(deps, { serverUrl: testOrigin(two.url), apiKey: testKey('typed-key-3333') })
    ).client.searchConversations();
    await (
      await connect(deps, { serverUrl: testOrigin(two.url), apiKey: null })
    ).client.searchConversations();
    expect(sentKeys(two)).toEqual(['typed-key-3333', KEY_TWO]);
  });

  it('should ask for a key on Cloud without asking anyone, even when another server has one', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: CLOUD_ORIGIN });
    const deps = await makeDeps({ [one.url]: KEY_ONE });
    await expect(connect(deps)).rejects.toMatchObject({ code: 'no_key' });
    expect(deps.fetch).not.toHaveBeenCalled();
  });

  it('should remember what the saved server is, and not what another server is', async () => {
    two.configure({ mode: 'v0' });
    const deps = await makeDeps();
    await connect(deps, { serverUrl: testOrigin(two.url) });
    expect(await loadSettings()).toMatchObject({ apiVersion: null });
    await connect(deps);
    expect(await loadSettings()).toMatchObject({ apiVersion: 'v1', appMode: 'oss' });
  });
});

describe('a server whose API changed', () => {
  it('should start on V1 when a server remembered as V0 was upgraded', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v0',
      appMode: null,
    });
    const deps = await makeDeps();

    const record = await startConversation(input, deps);

    expect(record).toMatchObject({ apiVersion: 'v1', startStatus: 'WORKING' });
    expect(one.getStartTask(record.id)).not.toBeNull();
    expect(probes(one)).toHaveLength(1);
    expect(await loadSettings()).toMatchObject({ apiVersion: 'v1', appMode: 'oss' });
  });

  it('should start on V0 when a server remembered as V1 now only speaks V0', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v1',
      appMode: 'oss',
    });
    one.configure({ mode: 'v0' });

    const record = await startConversation(input, await makeDeps());

    expect(record).toMatchObject({ apiVersion: 'v0', taskId: null });
    expect(await loadSettings()).toMatchObject({ apiVersion: 'v0', appMode: null });
  });

  it('should list an upgraded server’s conversations', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v0',
      appMode: null,
    });
    one.seedConversations(2);

    const actual = await listConversations({ refresh: true }, await makeDeps());

    expect(actual.serverError).toBeUndefined();
    expect(actual.items).toHaveLength(2);
  });

  it('should ask again and retry only once when the route is still missing', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v1',
      appMode: 'oss',
    });
    // A V1 server (its config answers) whose start route is gone: a proxy rule, say.
    const { fetch, calls } = recordingFetch((req) =>
      req.url.pathname === '/api/v1/web-client/config' ? json({ app_mode: 'oss' }) : json({}, 404),
    );
    const deps = { ...(await makeDeps()), fetch };

    await expect(startConversation(input, deps)).rejects.toMatchObject({ code: 'not_found' });

    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'POST /api/v1/app-conversations',
      'GET /api/v1/web-client/config',
      'POST /api/v1/app-conversations',
    ]);
  });

  it('should not ask again when a call fails for another reason', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v1',
      appMode: 'oss',
    });
    one.failNext({ kind: 'server_error', path: '/api/v1/app-conversations', method: 'POST' });
    await expect(startConversation(input, await makeDeps())).rejects.toMatchObject({ code: 'server_error' });
    expect(probes(one)).toHaveLength(0);
  });

  it('should not ask again when a V0 conversation is unknown: that 404 means "gone"', async () => {
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(one.url),
      apiVersion: 'v0',
      appMode: null,
    });
    one.configure({ mode: 'v0' });
    const id = 'f'.repeat(32);
    await upsertConversation(
      makeRecord({ id, serverUrl: one.url, apiVersion: 'v0', taskId: null, conversationId: id }),
    );

    await pollOnce(await makeDeps());

    expect((await loadConversations())[0]?.state).toBe('archived');
    expect(probes(one)).toHaveLength(0);
  });

  it.each([
    ['a V1 404', createOpenHandsError('not_found', { status: 404 }), 'v1', true],
    ['a V0 404', createOpenHandsError('not_found', { status: 404 }), 'v0', true],
    ['a V0 405', createOpenHandsError('bad_request', { status: 405 }), 'v0', true],
    ['a V1 405', createOpenHandsError('bad_request', { status: 405 }), 'v1', false],
    ['a 401', createOpenHandsError('unauthorized', { status: 401 }), 'v1', false],
  ] as const)('should tell whether %s means the route is gone', (_, error, apiVersion, expected) => {
    expect(isRouteGone(error, apiVersion)).toBe(expected);
  });
});

describe('what a refused request says', () => {
  it('should ask for the self-hosted server’s SESSION_API_KEY when it refuses the key', async () => {
    one.configure({ apiKey: 'the-right-session-key' });
    const attempt = startConversation(input, await makeDeps({ [one.url]: KEY_ONE }));
    await expect(attempt).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('SESSION_API_KEY'),
    });
    await expect(attempt).rejects.not.toMatchObject({ message: expect.stringContaining('API Keys') });
  });

  it('should not ask to add a key when the keyless probe is refused and a key is saved', async () => {
    const { fetch } = recordingFetch(() => json({ detail: 'Unauthorized' }, 401));
    const deps = { ...(await makeDeps({ [one.url]: KEY_ONE })), fetch };

    const attempt = connect(deps);

    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(attempt).rejects.not.toMatchObject({ message: expect.stringContaining('Add your') });
  });
});
