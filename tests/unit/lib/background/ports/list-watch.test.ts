// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { listConversations } from '@/lib/background/list/list-conversations';
import { ACTIVE_POLL_MS } from '@/lib/background/polling/policy';
import { createListWatch } from '@/lib/background/ports/list-watch';
import { upsertConversation } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { portName } from '@/lib/protocol/ports';
import { readCachedReply } from '@/lib/storage/list-cache';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import { backgroundPorts, POPUP } from '../../../../support/background-ports';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

const KEY = 'followers-test-key-1';
let server: OpenHandsTestServer;
let clock: number;

const listCalls = () => server.requests.filter((r) => r.path === '/api/v1/app-conversations/search');

describe('pages following the list', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>;
  async function makeDeps() {
    const encryption = await generateSecretKey();
    const apiKeys = createApiKeyStore(async () => encryption);
    await apiKeys.write(server.url, testKey(KEY));
    return { apiKeys, fetch: globalThis.fetch, now: () => new Date(clock) };
  }

  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    clock = Date.parse('2026-11-28T12:00:00Z');
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
    deps = await makeDeps();
  });

  it('should keep a busy list fresh in storage while the popup’s port is open, and stop when it closes', async () => {
    const [conversation] = server.seedConversations(1, { execution_status: 'running' });
    await listConversations({ refresh: true }, deps);
    const connect = backgroundPorts({ list: createListWatch(deps) });
    expect(listCalls()).toHaveLength(1);

    const popup = connect(portName('list'), POPUP);
    server.setConversationStatus(conversation?.id ?? '', { execution_status: 'finished' });
    // An interval later, anything the background stores (here a finished start) finds the list due.
    clock += ACTIVE_POLL_MS;
    await upsertConversation(makeRecord({ id: 'done', serverUrl: server.url, state: 'finished' }));
    await vi.waitFor(async () => {
      const items = (await readCachedReply())?.items ?? [];
      expect(items.find((item) => item.conversationId === conversation?.id)?.state).toBe('finished');
    });
    expect(listCalls()).toHaveLength(2);
    expect(popup.state.disconnected).toBe(false);

    popup.leave();
    // Something busy again, and the list long due: a follower would have it fetched at once.
    clock += ACTIVE_POLL_MS * 10;
    await upsertConversation(makeRecord({ serverUrl: server.url }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listCalls()).toHaveLength(2);
  });
});
