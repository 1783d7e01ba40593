// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { loadConversations } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { startConversation } from '@/lib/background/starts/start-conversation';
import type { StartInput } from '@/lib/conversations/start-input';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';

const KEY = 'start-test-key-123';
const input: StartInput = {
  repository: 'octo-org/hello-world',
  title: '#42: Crash on startup',
  message: 'Please solve https://github.com/octo-org/hello-world/issues/42',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};
/** How long the extension waits for an answer here (30 s in the extension; shorter so tests are quick). */
const PATIENCE_MS = 1_000;

let server: OpenHandsTestServer;

/**
 * fetch that gives up on a POST after PATIENCE_MS, as the client does after its timeout. Other requests
 * (the searches) wait as long as they need: a slow machine must not turn them into failures.
 */
const impatientFetch: typeof fetch = (url, init) => {
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return fetch(url, init);
  const patience = AbortSignal.timeout(PATIENCE_MS);
  return fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, patience]) : patience });
};

async function makeDeps(fetch = impatientFetch) {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(KEY));
  return { apiKeys, fetch, now: () => new Date(), schedulePoll: vi.fn() };
}

const posts = () => server.requests.filter((r) => r.method === 'POST');
const searches = () => server.requests.filter((r) => r.path.endsWith('/start-tasks/search'));
/** Every start task the server holds, newest first (read through the API, so call it after counting searches). */
const serverTasks = async () => {
  const res = await fetch(`${server.url}/api/v1/app-conversations/start-tasks/search`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  return ((await res.json()) as { items: { id: string }[] }).items;
};

// Each case waits out one or two lost answers (PATIENCE_MS each): more than vitest's 5 s on a busy machine.
describe('a start whose answer is lost', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
    // The first request of each route compiles its part of the spec; only lost answers may be slow here.
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
    await startConversation(input, await makeDeps(globalThis.fetch));
    await serverTasks();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
  });

  it('should take over the start the server made instead of starting a second one', async () => {
    server.failNext({ kind: 'timeout_after_handling', method: 'POST' });

    const record = await startConversation(input, await makeDeps());

    const tasks = await serverTasks();
    expect(tasks).toHaveLength(1);
    expect(record).toMatchObject({ id: tasks[0]?.id, taskId: tasks[0]?.id, state: 'starting' });
    expect((await loadConversations()).map((r) => r.id)).toEqual([tasks[0]?.id]);
    expect(posts()).toHaveLength(1);
    expect(searches()[0]?.query.get('sort_order')).toBe('CREATED_AT_DESC');
    expect(Date.parse(searches()[0]?.query.get('created_at__gte') ?? '')).toBeLessThan(Date.now() - 60_000);
    expect(server.requests.every((r) => r.valid)).toBe(true);
  });

  it('should post once more when the server made nothing', async () => {
    server.failNext({ kind: 'timeout', method: 'POST' });

    const record = await startConversation(input, await makeDeps());

    const tasks = await serverTasks();
    expect(tasks.map((t) => t.id)).toEqual([record.id]);
    expect(posts()).toHaveLength(2);
  });

  it('should look again when the second post times out too', async () => {
    server.failNext({ kind: 'timeout', method: 'POST' });
    server.failNext({ kind: 'timeout_after_handling', method: 'POST' });

    const record = await startConversation(input, await makeDeps());

    expect(posts()).toHaveLength(2);
    expect(searches()).toHaveLength(2);
    expect((await serverTasks()).map((t) => t.id)).toEqual([record.id]);
  });

  it('should say the start is unconfirmed when both posts went unanswered and nothing was made', async () => {
    server.failNext({ kind: 'timeout', method: 'POST' }, 2);

    await expect(startConversation(input, await makeDeps())).rejects.toMatchObject({
      code: 'start_unconfirmed',
      message: expect.stringContaining(
        'OpenHands did not answer in time, so it is unclear whether the conversation started',
      ),
    });
    expect(await serverTasks()).toEqual([]);
    expect(await loadConversations()).toEqual([]);
  });

  it('should not post again when it cannot look for the lost start, nor invite a plain retry', async () => {
    server.failNext({ kind: 'timeout', method: 'POST' });
    server.failNext({ kind: 'server_error', path: '/api/v1/app-conversations/start-tasks/search' });

    const attempt = startConversation(input, await makeDeps());

    await expect(attempt).rejects.toMatchObject({ code: 'start_unconfirmed', action: 'conversations' });
    await expect(attempt).rejects.not.toMatchObject({ message: expect.stringMatching(/try again/i) });
    expect(posts()).toHaveLength(1);
  });

  it('should look before it reports an unreadable answer, and post nothing more', async () => {
    server.failNext({ kind: 'malformed', method: 'POST' });

    await expect(startConversation(input, await makeDeps())).rejects.toMatchObject({ code: 'bad_response' });
    expect(posts()).toHaveLength(1);
    expect(searches()).toHaveLength(1);
  });

  it('should report a server error as it is once the search shows nothing started', async () => {
    server.failNext({ kind: 'server_error', method: 'POST' });

    await expect(startConversation(input, await makeDeps())).rejects.toMatchObject({ code: 'server_error' });
    expect(posts()).toHaveLength(1);
    expect(searches()).toHaveLength(1);
  });

  it('should not take over an earlier start of the same issue that it already follows', async () => {
    const deps = await makeDeps();
    const earlier = await startConversation(input, deps);
    server.failNext({ kind: 'timeout', method: 'POST' });

    const again = await startConversation(input, deps);

    expect(again.id).not.toBe(earlier.id);
    expect((await serverTasks()).map((t) => t.id)).toEqual([again.id, earlier.id]);
  });

  it('should not take over a recent start with another title', async () => {
    const deps = await makeDeps();
    await fetch(`${server.url}/api/v1/app-conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ selected_repository: input.repository, title: 'Something else' }),
    });
    server.failNext({ kind: 'timeout', method: 'POST' });

    const record = await startConversation(input, deps);

    expect(await serverTasks()).toHaveLength(2);
    expect(server.getStartTask(record.id)?.request).toMatchObject({ title: input.title });
  });
});
