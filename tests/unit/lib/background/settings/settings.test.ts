// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { getSettingsView, removeKeyFromPage, saveSettingsFromPage } from '@/lib/background/settings/settings';
import { loadSettings, saveSettings } from '@/lib/background/settings/settings-store';
import { testConnection } from '@/lib/background/settings/test-connection';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { readCachedReply, writeListCache } from '@/lib/storage/list-cache';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';

const KEY = 'oh-settings-key-9876';
const SELF_HOSTED = 'http://localhost:3000';
let server: OpenHandsTestServer;
/** A second server on another origin (another port), to catch a key sent where it does not belong. */
let other: OpenHandsTestServer;

async function keyStore() {
  const encryption = await generateSecretKey();
  return createApiKeyStore(async () => encryption);
}

/** Every key-carrying header value a server received. */
const sentKeys = (s: OpenHandsTestServer) =>
  s.requests.flatMap((r) =>
    [r.headers.authorization, r.headers['x-session-api-key'], r.headers['x-access-token']].filter(Boolean),
  );

/** A cached popup list, as the list handler leaves it. */
const cacheSomeList = (serverUrl: string) =>
  writeListCache({
    serverUrl: testOrigin(serverUrl),
    keyId: 'abcdef0123456789',
    server: null,
    reply: { serverUrl: testOrigin(serverUrl), items: [], nextPageId: null, fetchedAt: null },
  });

beforeAll(async () => {
  server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  other = await startOpenHandsServer({ mode: 'oss', apiKey: null });
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  fakeBrowser.reset();
  server.reset();
  other.reset();
});

describe('settings handlers', () => {
  it('should default to OpenHands Cloud without a key', async () => {
    const actual = await getSettingsView(await keyStore());
    expect(actual).toEqual({
      serverUrl: 'https://app.all-hands.dev',
      notifications: true,
      hasKey: false,
      keyHint: null,
      keyHints: {},
      isCloud: true,
    });
  });

  it('should save a normalised URL and show only a hint of the key', async () => {
    const keys = await keyStore();
    const actual = await saveSettingsFromPage(
      { serverUrl: 'http://localhost:3000/some/path/', apiKey: `  ${KEY}  `, notifications: false },
      keys,
    );
    expect(actual).toEqual({
      serverUrl: SELF_HOSTED,
      notifications: false,
      hasKey: true,
      keyHint: '…9876',
      keyHints: { [SELF_HOSTED]: '…9876' },
      isCloud: false,
    });
    expect(await keys.read(SELF_HOSTED)).toBe(KEY);
  });

  it('should keep the stored key when none is typed, and remove it when emptied', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, notifications: true }, keys);
    expect(await keys.read(CLOUD_ORIGIN)).toBe(KEY);
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: '', notifications: true }, keys);
    expect(await keys.read(CLOUD_ORIGIN)).toBeNull();
  });

  it('should have no key for a new server saved without one, and the old key again when switched back', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);

    const switched = await saveSettingsFromPage({ serverUrl: SELF_HOSTED, notifications: true }, keys);
    expect(switched).toMatchObject({ serverUrl: SELF_HOSTED, hasKey: false, keyHint: null });
    expect(await keys.read(SELF_HOSTED)).toBeNull();

    const back = await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, notifications: true }, keys);
    expect(back).toMatchObject({ hasKey: true, keyHint: '…9876', keyHints: { [CLOUD_ORIGIN]: '…9876' } });
    expect(await keys.read(CLOUD_ORIGIN)).toBe(KEY);
  });

  it('should remove only the key of the server asked for', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage(
      { serverUrl: SELF_HOSTED, apiKey: 'session-key-3000', notifications: true },
      keys,
    );
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);

    const actual = await removeKeyFromPage({ serverUrl: `${SELF_HOSTED}/` }, keys);

    expect(actual).toMatchObject({
      serverUrl: CLOUD_ORIGIN,
      hasKey: true,
      keyHints: { [CLOUD_ORIGIN]: '…9876' },
    });
    expect(actual.keyHints).not.toHaveProperty(SELF_HOSTED);
    expect(await keys.read(CLOUD_ORIGIN)).toBe(KEY);
  });

  it('should say no key is saved after removing the saved server’s key', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);
    const actual = await removeKeyFromPage({ serverUrl: CLOUD_ORIGIN }, keys);
    expect(actual).toMatchObject({ hasKey: false, keyHint: null, keyHints: {} });
    expect(await keys.read(CLOUD_ORIGIN)).toBeNull();
  });

  it.each([
    ['the server changes', { serverUrl: SELF_HOSTED, notifications: true }],
    ['a new key is saved', { serverUrl: CLOUD_ORIGIN, apiKey: 'another-key-1234', notifications: true }],
    ['the key is emptied', { serverUrl: CLOUD_ORIGIN, apiKey: '', notifications: true }],
  ])('should forget the popup’s cached list when %s', async (_, input) => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);
    await cacheSomeList(CLOUD_ORIGIN);
    await saveSettingsFromPage(input, keys);
    expect(await readCachedReply()).toBeNull();
  });

  it('should keep the popup’s cached list when only notifications change', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);
    await cacheSomeList(CLOUD_ORIGIN);
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, notifications: false }, keys);
    expect(await readCachedReply()).not.toBeNull();
  });

  it('should forget the popup’s cached list when the saved server’s key is removed', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: CLOUD_ORIGIN, apiKey: KEY, notifications: true }, keys);
    await cacheSomeList(CLOUD_ORIGIN);
    await removeKeyFromPage({ serverUrl: CLOUD_ORIGIN }, keys);
    expect(await readCachedReply()).toBeNull();
  });

  it('should forget what it knew about the old server when the URL changes', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: server.url, apiKey: KEY, notifications: true }, keys);
    await testConnection({}, { apiKeys: keys, fetch });
    expect(await loadSettings()).toMatchObject({ apiVersion: 'v1', appMode: 'saas' });
    await saveSettingsFromPage({ serverUrl: 'http://localhost:3000', notifications: true }, keys);
    expect(await loadSettings()).toMatchObject({ apiVersion: null, appMode: null });
  });

  it('should report the Cloud key and organization that answered', async () => {
    const keys = await keyStore();
    const actual = await testConnection({ serverUrl: server.url, apiKey: KEY }, { apiKeys: keys, fetch });
    expect(actual.apiVersion).toBe('v1');
    expect(actual.appMode).toBe('saas');
    expect(actual.key?.orgId).toBeTruthy();
    expect(actual.summary).toContain(`OpenHands Cloud at ${server.url} (API V1)`);
  });

  it('should test a self-hosted server with its session key', async () => {
    server.configure({ mode: 'oss', apiKey: 'session-secret-1' });
    const actual = await testConnection(
      { serverUrl: server.url, apiKey: 'session-secret-1' },
      { apiKeys: await keyStore(), fetch },
    );
    expect(actual.summary).toContain('a self-hosted OpenHands server');
    expect(server.requests.at(-1)?.headers['x-session-api-key']).toBe('session-secret-1');
  });

  it('should test a legacy V0 server', async () => {
    server.configure({ mode: 'v0', apiKey: null });
    const actual = await testConnection({ serverUrl: server.url }, { apiKeys: await keyStore(), fetch });
    expect(actual.apiVersion).toBe('v0');
  });

  it('should reject a wrong key with the message that says where keys come from', async () => {
    const attempt = testConnection(
      { serverUrl: server.url, apiKey: 'wrong-key-000' },
      { apiKeys: await keyStore(), fetch },
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('API Keys'),
    });
  });
});

describe('keys as people paste them', () => {
  it.each([[`Bearer ${KEY}`], [`  ${KEY}\n`], [`bearer ${KEY}\r\n`]])(
    'should save %j as the key alone, and send it as such',
    async (pasted) => {
      const keys = await keyStore();

      await saveSettingsFromPage({ serverUrl: server.url, apiKey: pasted, notifications: true }, keys);
      const report = await testConnection({}, { apiKeys: keys, fetch });

      expect(await keys.read(server.url)).toBe(KEY);
      expect(report.key?.orgId).toBeTruthy();
      expect(sentKeys(server)).toContain(`Bearer ${KEY}`);
    },
  );

  it.each([
    [`${KEY.slice(0, 4)}\u200b${KEY.slice(4)}`, 'an invisible character (U+200B) at character 5'],
    [`${KEY.slice(0, 8)}\n${KEY.slice(8)}`, 'a line break at character 9'],
  ])('should refuse to save %j, say what is wrong, and keep what was saved', async (pasted, problem) => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: server.url, apiKey: KEY, notifications: true }, keys);

    const attempt = saveSettingsFromPage(
      { serverUrl: CLOUD_ORIGIN, apiKey: pasted, notifications: false },
      keys,
    );

    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_key',
      message: expect.stringContaining(`The API key contains ${problem}`),
    });
    expect(await keys.read(server.url)).toBe(KEY);
    expect(await loadSettings()).toMatchObject({ serverUrl: server.url, notifications: true });
  });

  it('should not test a key that cannot be sent, nor say the server rejected it', async () => {
    const attempt = testConnection(
      { serverUrl: server.url, apiKey: `${KEY}\u200b` },
      { apiKeys: await keyStore(), fetch },
    );

    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_key',
      message: expect.stringContaining('an invisible character (U+200B)'),
    });
    expect(server.requests).toEqual([]);
  });
});

describe('test connection: which key it sends', () => {
  it('should send no key to an unsaved URL typed with an empty key field', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: server.url, apiKey: KEY, notifications: true }, keys);

    const actual = await testConnection({ serverUrl: other.url }, { apiKeys: keys, fetch });

    expect(actual.summary).toContain(`a self-hosted OpenHands server at ${other.url}`);
    expect(other.requests.length).toBeGreaterThan(0);
    expect(sentKeys(other)).toEqual([]);
  });

  it('should send the key saved for the URL in the form, not the saved server’s', async () => {
    const keys = await keyStore();
    other.configure({ apiKey: 'other-session-key' });
    await saveSettingsFromPage(
      { serverUrl: other.url, apiKey: 'other-session-key', notifications: true },
      keys,
    );
    await saveSettingsFromPage({ serverUrl: server.url, apiKey: KEY, notifications: true }, keys);

    await testConnection({ serverUrl: other.url }, { apiKeys: keys, fetch });

    expect(sentKeys(other)).toEqual(['other-session-key']);
  });

  it('should send the typed key rather than any saved one', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage({ serverUrl: other.url, apiKey: 'saved-key-0000', notifications: true }, keys);
    other.configure({ apiKey: 'typed-key-1111' });

    await testConnection({ serverUrl: other.url, apiKey: 'typed-key-1111' }, { apiKeys: keys, fetch });

    expect(sentKeys(other)).toEqual(['typed-key-1111']);
  });

  it('should ask the server afresh even when its API version is remembered', async () => {
    const keys = await keyStore();
    await saveSettings({
      ...DEFAULT_SETTINGS,
      serverUrl: testOrigin(other.url),
      apiVersion: 'v1',
      appMode: 'oss',
    });
    other.configure({ mode: 'v0' });

    const actual = await testConnection({ serverUrl: other.url }, { apiKeys: keys, fetch });

    expect(actual.apiVersion).toBe('v0');
    expect(other.requests.map((r) => r.path)).toContain('/api/v1/web-client/config');
    expect(await loadSettings()).toMatchObject({ apiVersion: 'v0', appMode: null });
  });
});
