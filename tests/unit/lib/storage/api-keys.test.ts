import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeysItem, legacyApiKeyItem } from '@/lib/storage/api-keys';

const SEALED = { iv: 'aXY=', data: 'ZGF0YQ==' };

describe('sealed API key items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should read the sealed keys by origin', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { 'http://localhost:3000': SEALED } });
    expect(await apiKeysItem.getValue()).toEqual({ 'http://localhost:3000': SEALED });
  });

  it.each([
    ['nothing', undefined],
    ['garbage', 'garbage'],
    ['an array', [SEALED]],
  ])('should read %s as no keys', async (_name, stored) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ apiKeys: stored });
    expect(await apiKeysItem.getValue()).toEqual({});
  });

  it('should leave out an entry that is not sealed and keep the others', async () => {
    await fakeBrowser.storage.local.set({
      apiKeys: { 'https://app.all-hands.dev': SEALED, 'http://localhost:3000': 'plain text?' },
    });
    expect(await apiKeysItem.getValue()).toEqual({ 'https://app.all-hands.dev': SEALED });
  });

  it.each([
    ['nothing', undefined, null],
    ['a sealed key', SEALED, SEALED],
    ['plain text', 'plain text?', null],
  ])('should read %s in the first versions’ item', async (_name, stored, expected) => {
    if (stored !== undefined) await fakeBrowser.storage.local.set({ apiKey: stored });
    expect(await legacyApiKeyItem.getValue()).toEqual(expected);
  });
});
