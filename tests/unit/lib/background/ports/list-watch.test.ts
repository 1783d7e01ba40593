// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { listConversations } from '@/lib/background/list/list-conversations';
import { ACTIVE_POLL_MS } from '@/lib/background/polling/policy';
import { createListFollowers } from '@/lib/background/ports/list-watch';
import { upsertConversation } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { LIST_PORT } from '@/lib/protocol/messages';
import { readCachedReply } from '@/lib/storage/list-cache';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { makeRecord } from '../../../factories/conversation-record';

const KEY = 'followers-test-key-1';
const self = { id: 'our-extension', baseUrl: 'chrome-extension://our-extension/' };
const POPUP = { id: self.id, url: `${self.baseUrl}popup.html`, origin: 'chrome-extension://our-extension' };
let server: OpenHandsTestServer;
let clock: number;

/** A port as `runtime.onConnect` hands it over; `close()` is the other end going away. */
function makePort(name: string, sender: Browser.runtime.MessageSender) {
  const onDisconnect = new Set<() => void>();
  const port = {
    name,
    sender,
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.add(listener) },
  };
  const close = () => {
    for (const listener of onDisconnect) listener();
  };
  return { port: port as unknown as Browser.runtime.Port, disconnect: port.disconnect, close };
}

const listCalls = () => server.requests.filter((r) => r.path === '/api/v1/app-conversations/search');

describe('pages following the list', () => {
  let deps: Awaited<ReturnType<typeof makeDeps>>;
  async function makeDeps() {
    const encryption = await generateSecretKey();
    const apiKeys = createApiKeyStore(async () => encryption);
    await apiKeys.write(server.url, KEY);
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
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: server.url });
    deps = await makeDeps();
  });

  it('should keep a busy list fresh in storage while the popup’s port is open, and stop when it closes', async () => {
    const [conversation] = server.seedConversations(1, { execution_status: 'running' });
    await listConversations({ refresh: true }, deps);
    const onConnect = createListFollowers(deps, self);
    expect(listCalls()).toHaveLength(1);

    const popup = makePort(LIST_PORT, POPUP);
    onConnect(popup.port);
    server.setConversationStatus(conversation?.id ?? '', { execution_status: 'finished' });
    // An interval later, anything the background stores (here a finished start) finds the list due.
    clock += ACTIVE_POLL_MS;
    await upsertConversation(makeRecord({ id: 'done', serverUrl: server.url, state: 'finished' }));
    await vi.waitFor(async () => {
      const items = (await readCachedReply())?.items ?? [];
      expect(items.find((item) => item.conversationId === conversation?.id)?.state).toBe('finished');
    });
    expect(listCalls()).toHaveLength(2);
    expect(popup.disconnect).not.toHaveBeenCalled();

    popup.close();
    // Something busy again, and the list long due: a follower would have it fetched at once.
    clock += ACTIVE_POLL_MS * 10;
    await upsertConversation(makeRecord({ serverUrl: server.url }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listCalls()).toHaveLength(2);
  });

  it.each([
    [
      'a GitHub tab',
      { id: self.id, url: 'https://github.com/octo-org/hello-world/issues/1', tab: { id: 1 } },
    ],
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' }],
  ])('should close a port from %s and fetch nothing for it', async (_, sender) => {
    server.seedConversations(1, { execution_status: 'running' });
    await listConversations({ refresh: true }, deps);
    const onConnect = createListFollowers(deps, self);

    const port = makePort(LIST_PORT, sender as Browser.runtime.MessageSender);
    onConnect(port.port);
    // Long due, with a start in progress: a follower would have the list fetched now.
    clock += ACTIVE_POLL_MS * 10;
    await upsertConversation(makeRecord({ serverUrl: server.url }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(port.disconnect).toHaveBeenCalled();
    expect(listCalls()).toHaveLength(1);
  });

  it('should leave ports of other names alone', async () => {
    server.seedConversations(1, { execution_status: 'running' });
    await listConversations({ refresh: true }, deps);
    const onConnect = createListFollowers(deps, self);

    const port = makePort('something-else', POPUP);
    onConnect(port.port);
    // Long due, with a start in progress: a follower would have the list fetched now.
    clock += ACTIVE_POLL_MS * 10;
    await upsertConversation(makeRecord({ serverUrl: server.url }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(port.disconnect).not.toHaveBeenCalled();
    expect(listCalls()).toHaveLength(1);
  });
});
