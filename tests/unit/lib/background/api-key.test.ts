import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore, keyHint } from '@/lib/background/api-key';
import { generateSecretKey, open, seal } from '@/lib/background/secret-box';

const KEY = 'oh-sk-live-0123456789abcdef';

describe('secret box', () => {
  it('should open what it sealed, and nothing sealed with another key', async () => {
    const key = await generateSecretKey();
    const sealed = await seal(key, KEY);
    expect(await open(key, sealed)).toBe(KEY);
    expect(await open(await generateSecretKey(), sealed)).toBeNull();
    expect(await open(key, { ...sealed, data: `A${sealed.data.slice(1)}` })).toBeNull();
  });
});

describe('api key store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep the key in storage.local only encrypted', async () => {
    const encryption = await generateSecretKey();
    const store = createApiKeyStore(async () => encryption);
    await store.write(KEY);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const sync = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(local).not.toContain(KEY);
    expect(local).toContain('apiKey');
    expect(sync).toBe('{}');
    expect(await store.read()).toBe(KEY);
  });

  it('should read no key when the encryption key is gone', async () => {
    await createApiKeyStore(async () => generateSecretKey()).write(KEY);
    const other = createApiKeyStore(async () => generateSecretKey());
    expect(await other.read()).toBeNull();
  });

  it('should remove the key', async () => {
    const encryption = await generateSecretKey();
    const store = createApiKeyStore(async () => encryption);
    await store.write(KEY);
    await store.write(null);
    expect(await store.read()).toBeNull();
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
