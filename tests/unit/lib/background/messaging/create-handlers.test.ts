import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { createHandlers } from '@/lib/background/messaging/create-handlers';
import type { Sender } from '@/lib/background/messaging/sender';
import { updateBadge } from '@/lib/background/records/badge';
import { upsertConversation } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { makeRecord } from '../../../factories/conversation-record';

const LOCAL = 'http://localhost:3000';
const page = { id: 'our-extension', url: 'chrome-extension://our-extension/options.html' } as Sender;

async function makeHandlers() {
  const encryption = await generateSecretKey();
  const deps = {
    apiKeys: createApiKeyStore(async () => encryption),
    fetch: vi.fn(),
    now: () => new Date('2026-11-28T10:00:00Z'),
    schedulePoll: vi.fn(),
    onRecords: updateBadge,
  };
  return { deps, handlers: createHandlers(deps) };
}

describe('saving settings', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: CLOUD_ORIGIN });
    await upsertConversation(makeRecord({ id: 'c1', serverUrl: CLOUD_ORIGIN, state: 'running' }));
    await upsertConversation(makeRecord({ id: 'l1', serverUrl: LOCAL, state: 'running' }));
    await upsertConversation(makeRecord({ id: 'l2', serverUrl: LOCAL, state: 'starting' }));
  });

  it("should show the new server's conversations on the badge and poll them", async () => {
    const { deps, handlers } = await makeHandlers();

    await handlers['settings.save']({ type: 'settings.save', serverUrl: LOCAL, notifications: true }, page);

    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(deps.schedulePoll).toHaveBeenCalled();
  });
});
