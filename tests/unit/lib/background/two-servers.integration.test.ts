// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { createHandlers } from '@/lib/background/messaging/create-handlers';
import type { Handlers } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import { pollOnce } from '@/lib/background/polling/poller';
import type { ConversationListReply } from '@/lib/conversations/list-page';
import type { StartInput } from '@/lib/conversations/start-input';
import type { ConnectionReport, SettingsView } from '@/lib/protocol/messages';
import { type OpenHandsTestServer, startOpenHandsServer } from '../../../support/openhands-server/index.ts';

/*
 * Two OpenHands servers on two origins (two ports), the background's handlers as plain functions with the
 * real key store and real fetch: the key saved for one server must never reach the other.
 */

const FIRST_KEY = 'first-servers-key-0123456789';
const page = { id: 'ext', url: 'chrome-extension://ext/options.html' } as Sender;
const input: StartInput = {
  repository: 'octo-org/hello-world',
  message: 'Fix the crash on startup',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};

let first: OpenHandsTestServer;
let second: OpenHandsTestServer;

/** The background as the options page and popup reach it, with its poller. */
async function background() {
  const encryption = await generateSecretKey();
  const deps = {
    apiKeys: createApiKeyStore(async () => encryption),
    fetch: globalThis.fetch,
    now: () => new Date(),
    schedulePoll: vi.fn(),
    notify: vi.fn(async () => {}),
    onRecords: vi.fn(async () => {}),
  };
  const handlers = createHandlers(deps);
  /** Sends one message to its handler, as `handleMessage` would after its checks. */
  const send = <T>(message: Parameters<Handlers[keyof Handlers]>[0]) =>
    (handlers[message.type] as (m: typeof message, s: Sender) => Promise<unknown>)(
      message,
      page,
    ) as Promise<T>;
  return {
    save: (serverUrl: string, apiKey?: string) =>
      send<SettingsView>({ type: 'settings.save', serverUrl, apiKey, notifications: true }),
    test: (serverUrl: string, apiKey?: string) =>
      send<ConnectionReport>({ type: 'connection.test', serverUrl, apiKey }),
    // A different message each time: identical starts within seconds are deduplicated into one.
    start: (message: string) =>
      send<{ serverUrl: string }>({ type: 'conversation.start', input: { ...input, message } }),
    list: () => send<ConversationListReply>({ type: 'conversation.list', refresh: true }),
    poll: () => pollOnce(deps),
  };
}

/** Every header value a server received that holds `key`, as `METHOD path header`. */
const leaks = (server: OpenHandsTestServer, key: string) =>
  server.requests.flatMap((r) =>
    Object.entries(r.headers)
      .filter(([, value]) => value.includes(key))
      .map(([name]) => `${r.method} ${r.path} ${name}`),
  );

describe('two OpenHands servers on two origins', () => {
  beforeAll(async () => {
    first = await startOpenHandsServer({ mode: 'cloud', apiKey: FIRST_KEY });
    second = await startOpenHandsServer({ mode: 'oss', apiKey: null });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });
  beforeEach(() => {
    fakeBrowser.reset();
    first.reset();
    second.reset();
  });

  it('should never send the first server’s key to the second, and use it again back on the first', async () => {
    const bg = await background();
    await bg.save(first.url, FIRST_KEY);
    await bg.start('on the first server');
    await bg.list();
    expect(first.requests.some((r) => r.headers.authorization === `Bearer ${FIRST_KEY}`)).toBe(true);

    // "Test connection" with the second server's URL typed in and the key field left empty, before saving.
    const unsaved = await bg.test(second.url);
    expect(unsaved.serverUrl).toBe(second.url);

    // Saved without a key: no key for this server.
    const switched = await bg.save(second.url);
    expect(switched).toMatchObject({ serverUrl: second.url, hasKey: false });
    await bg.test(second.url);
    const started = await bg.start('on the second server');
    const listed = await bg.list();
    await bg.poll();

    expect(started.serverUrl).toBe(second.url);
    expect(listed.serverError).toBeUndefined();
    expect(listed.items.length).toBeGreaterThan(0);
    expect(second.requests.length).toBeGreaterThan(5);
    expect(leaks(second, FIRST_KEY)).toEqual([]);

    // Back to the first server: its own key again, without typing it.
    first.reset();
    const back = await bg.save(first.url);
    expect(back).toMatchObject({ serverUrl: first.url, hasKey: true, keyHint: '…6789' });
    await bg.start('on the first server again');
    const listedBack = await bg.list();
    expect(listedBack.serverError).toBeUndefined();
    const calls = first.requests.filter((r) => r.path.startsWith('/api/v1/app-conversations'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.map((r) => r.headers.authorization)).toEqual(calls.map(() => `Bearer ${FIRST_KEY}`));
  });
});
