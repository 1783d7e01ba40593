import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLOUD_ORIGIN as CLOUD_URL } from '@/lib/server/origin';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/storage/settings';

describe('settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should read OpenHands Cloud with notifications on while nothing is saved', async () => {
    expect(await settingsItem.getValue()).toEqual({
      serverUrl: CLOUD_URL,
      notifications: true,
      appMode: null,
      apiVersion: null,
    });
  });

  it('should give missing fields their defaults and keep the others', async () => {
    await fakeBrowser.storage.local.set({ settings: { serverUrl: 'http://localhost:3000' } });
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      serverUrl: 'http://localhost:3000',
    });
  });

  it.each([
    ['not an object', 'garbage'],
    ['a server that is not a URL', { serverUrl: 'not a url', notifications: false }],
    ['an unknown API version', { serverUrl: CLOUD_URL, apiVersion: 'v9' }],
  ])('should read settings that are %s as the defaults', async (_name, stored) => {
    await fakeBrowser.storage.local.set({ settings: stored });
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});
