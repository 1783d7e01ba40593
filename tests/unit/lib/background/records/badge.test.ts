import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, updateBadge } from '@/lib/background/records/badge';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

const CLOUD = 'https://app.all-hands.dev';
const LOCAL = 'http://localhost:3000';

describe('toolbar badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should count starting and running conversations only', () => {
    const records = [
      makeRecord({ state: 'starting' }),
      makeRecord({ state: 'running' }),
      makeRecord({ state: 'finished' }),
      makeRecord({ state: 'waiting_for_confirmation' }),
      makeRecord({ state: 'unknown' }),
    ];
    expect(badgeText(records, testOrigin(CLOUD))).toBe('2');
    expect(badgeText([makeRecord({ state: 'error' })], testOrigin(CLOUD))).toBe('');
  });

  it("should count only the current server's conversations", async () => {
    const records = [
      makeRecord({ serverUrl: CLOUD, state: 'running' }),
      makeRecord({ serverUrl: LOCAL, state: 'running' }),
      makeRecord({ serverUrl: LOCAL, state: 'starting' }),
    ];
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(LOCAL) });
    await updateBadge(records);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('Send to OpenHands — 2 conversations in progress');

    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(CLOUD) });
    await updateBadge(records);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
