// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/api-key';
import { getSettingsView, saveSettingsFromPage } from '@/lib/background/handlers/settings';
import { testConnection } from '@/lib/background/handlers/test-connection';
import { generateSecretKey } from '@/lib/background/secret-box';
import { loadSettings } from '@/lib/background/settings-store';
import { type OpenHandsTestServer, startOpenHandsServer } from '../../../support/openhands-server/index.ts';

const KEY = 'oh-settings-key-9876';
let server: OpenHandsTestServer;

async function keyStore() {
  const encryption = await generateSecretKey();
  return createApiKeyStore(async () => encryption);
}

describe('settings handlers', () => {
  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    fakeBrowser.reset();
    server.reset();
  });

  it('should default to OpenHands Cloud without a key', async () => {
    const actual = await getSettingsView(await keyStore());
    expect(actual).toEqual({
      serverUrl: 'https://app.all-hands.dev',
      notifications: true,
      hasKey: false,
      keyHint: null,
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
      serverUrl: 'http://localhost:3000',
      notifications: false,
      hasKey: true,
      keyHint: '…9876',
      isCloud: false,
    });
    expect(await keys.read()).toBe(KEY);
  });

  it('should keep the stored key when none is typed, and remove it when emptied', async () => {
    const keys = await keyStore();
    await saveSettingsFromPage(
      { serverUrl: 'https://app.all-hands.dev', apiKey: KEY, notifications: true },
      keys,
    );
    await saveSettingsFromPage({ serverUrl: 'https://app.all-hands.dev', notifications: true }, keys);
    expect(await keys.read()).toBe(KEY);
    await saveSettingsFromPage(
      { serverUrl: 'https://app.all-hands.dev', apiKey: '', notifications: true },
      keys,
    );
    expect(await keys.read()).toBeNull();
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
