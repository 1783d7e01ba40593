import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore, keyFingerprint, keyHint } from '@/lib/background/keys/api-keys';
import { generateSecretKey, open, seal } from '@/lib/background/keys/secret-box';
import type { OpenHandsError } from '@/lib/errors/error';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { testKey } from '../../../../support/api-key';

const KEY = 'oh-sk-live-0123456789abcdef';
const OTHER_KEY = 'session-key-for-my-server-42';
const SELF_HOSTED = 'http://localhost:3000';

/** A store with a fixed encryption key, as the background's IndexedDB key would be. */
async function keyStore() {
  const encryption = await generateSecretKey();
  return { encryption, store: createApiKeyStore(async () => encryption) };
}

describe('secret box', () => {
  it('should open what it sealed, and nothing sealed with another key', async () => {
    const key = await generateSecretKey();
    const sealed = await seal(key, KEY);
    expect(await open(key, sealed)).toBe(KEY);
    expect(await open(await generateSecretKey(), sealed)).toBeNull();
    // Flip the first character to another one: a fixed replacement would sometimes equal it (1 in 64).
    const tampered = `${sealed.data.startsWith('A') ? 'B' : 'A'}${sealed.data.slice(1)}`;
    expect(await open(key, { ...sealed, data: tampered })).toBeNull();
  });
});

describe('api key store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep the key in storage.local only encrypted', async () => {
    const { store } = await keyStore();
    await store.write(CLOUD_ORIGIN, testKey(KEY));
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const sync = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(local).not.toContain(KEY);
    expect(local).toContain('apiKeys');
    expect(sync).toBe('{}');
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
  });

  it('should read no key when the encryption key is gone', async () => {
    await createApiKeyStore(async () => generateSecretKey()).write(CLOUD_ORIGIN, testKey(KEY));
    const other = createApiKeyStore(async () => generateSecretKey());
    expect(await other.read(CLOUD_ORIGIN)).toBeNull();
    expect(await other.hints()).toEqual({});
  });

  it('should keep one key per server and never hand one out for another server', async () => {
    const { store } = await keyStore();
    await store.write(CLOUD_ORIGIN, testKey(KEY));
    expect(await store.read(SELF_HOSTED)).toBeNull();
    expect(await store.read('http://localhost:3001')).toBeNull();
    await store.write(SELF_HOSTED, testKey(OTHER_KEY));
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
    expect(await store.read(`${SELF_HOSTED}/some/path/`)).toBe(OTHER_KEY);
    expect(await store.hints()).toEqual({ [CLOUD_ORIGIN]: '…cdef', [SELF_HOSTED]: '…r-42' });
  });

  it('should remove one server’s key and keep the others', async () => {
    const { store } = await keyStore();
    await store.write(CLOUD_ORIGIN, testKey(KEY));
    await store.write(SELF_HOSTED, testKey(OTHER_KEY));
    await store.write(SELF_HOSTED, null);
    expect(await store.read(SELF_HOSTED)).toBeNull();
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
    expect(await store.hints()).toEqual({ [CLOUD_ORIGIN]: '…cdef' });
  });

  it('should keep both keys when two servers are saved at once', async () => {
    const { store } = await keyStore();
    await Promise.all([
      store.write(CLOUD_ORIGIN, testKey(KEY)),
      store.write(SELF_HOSTED, testKey(OTHER_KEY)),
    ]);
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
    expect(await store.read(SELF_HOSTED)).toBe(OTHER_KEY);
  });

  it('should drop an entry it cannot read and keep the rest', async () => {
    const { store } = await keyStore();
    await store.write(CLOUD_ORIGIN, testKey(KEY));
    const { apiKeys } = await fakeBrowser.storage.local.get('apiKeys');
    await fakeBrowser.storage.local.set({ apiKeys: { ...(apiKeys as object), [SELF_HOSTED]: 'not sealed' } });
    expect(await store.read(SELF_HOSTED)).toBeNull();
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
  });
});

describe('api key store: migration from one key for the saved server', () => {
  beforeEach(() => fakeBrowser.reset());

  /** What version 0.1 stored: `apiKey` sealed with the IndexedDB key, and the settings it was saved with. */
  async function storeLegacy(encryption: CryptoKey, settings?: Record<string, unknown>) {
    await fakeBrowser.storage.local.set({
      apiKey: await seal(encryption, KEY),
      ...(settings ? { settings } : {}),
    });
  }

  it('should give the old key to the server saved in the settings, and remove the old item', async () => {
    const { encryption, store } = await keyStore();
    await storeLegacy(encryption, {
      serverUrl: SELF_HOSTED,
      notifications: true,
      appMode: 'oss',
      apiVersion: 'v1',
    });
    expect(await store.read(SELF_HOSTED)).toBe(KEY);
    expect(await store.read(CLOUD_ORIGIN)).toBeNull();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).not.toHaveProperty('apiKey');
    expect(Object.keys(stored.apiKeys as object)).toEqual([SELF_HOSTED]);
  });

  it('should give the old key to OpenHands Cloud when no server was ever saved', async () => {
    const { encryption, store } = await keyStore();
    await storeLegacy(encryption);
    expect(await store.hints()).toEqual({ [CLOUD_ORIGIN]: '…cdef' });
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
  });

  it('should migrate before the first write, so a new key for another server does not lose it', async () => {
    const { encryption, store } = await keyStore();
    await storeLegacy(encryption, { serverUrl: CLOUD_ORIGIN, notifications: true });
    await store.write(SELF_HOSTED, testKey(OTHER_KEY));
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);
    expect(await store.read(SELF_HOSTED)).toBe(OTHER_KEY);
  });

  it('should read an old key as it is sent, and refuse one that cannot be sent, saying why without quoting it', async () => {
    const { encryption, store } = await keyStore();
    // Versions before keys were checked saved them as pasted
    await fakeBrowser.storage.local.set({ apiKey: await seal(encryption, `  Bearer ${KEY}\n`) });
    expect(await store.read(CLOUD_ORIGIN)).toBe(KEY);

    await fakeBrowser.storage.local.set({
      apiKeys: { [SELF_HOSTED]: await seal(encryption, 'sk-ab\ncd-secret') },
    });
    const refused = await store.read(SELF_HOSTED).catch((error: OpenHandsError) => error);
    expect(refused).toMatchObject({ code: 'invalid_key', action: 'options' });
    expect((refused as OpenHandsError).message).toContain('a line break at character 6');
    expect((refused as OpenHandsError).message).not.toContain('secret');
  });

  it('should drop an old item that is not a sealed key', async () => {
    const { store } = await keyStore();
    await fakeBrowser.storage.local.set({ apiKey: 'plain text?' });
    expect(await store.hints()).toEqual({});
    expect(await fakeBrowser.storage.local.get('apiKey')).toEqual({});
  });
});

describe('keyHint', () => {
  it.each([
    [KEY, '…cdef'],
    ['short', '…'],
  ])('should show only the end of %s', (key, expected) => {
    expect(keyHint(key)).toBe(expected);
  });
});

describe('keyFingerprint', () => {
  it('should tell keys apart without containing them', async () => {
    const actual = await keyFingerprint(KEY);
    expect(actual).toMatch(/^[0-9a-f]{16}$/);
    expect(await keyFingerprint(KEY)).toBe(actual);
    expect(await keyFingerprint(OTHER_KEY)).not.toBe(actual);
    expect(KEY).not.toContain(actual);
  });
});
