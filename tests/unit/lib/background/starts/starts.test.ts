// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { createStarts, PENDING_START_TTL_MS } from '@/lib/background/starts/starts';
import type { StartInput } from '@/lib/conversations/start-input';
import { toStartRequestV1 } from '@/lib/conversations/start-request';
import { pendingStartsItem } from '@/lib/storage/pending-starts';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

/*
 * A stopped worker doubles nothing (issue 17): a start is written down before its POST leaves, and a new worker
 * (a new `createStarts`, with nothing in memory) finds it again.
 */

const KEY = 'starts-test-key-123';
const REQUEST = 'req-0001-aaaa';
const input: StartInput = {
  repository: 'octo-org/hello-world',
  title: '#42: Crash on startup',
  message: 'Please solve https://github.com/octo-org/hello-world/issues/42',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};

let server: OpenHandsTestServer;

async function makeDeps() {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(KEY));
  return { apiKeys, fetch: globalThis.fetch, now: () => new Date(), schedulePoll: vi.fn() };
}

const posts = () => server.requests.filter((r) => r.method === 'POST');
const serverTasks = async () => {
  const res = await fetch(`${server.url}/api/v1/app-conversations/start-tasks/search`, {
    headers: { authorization: `Bearer ${KEY}` },
  });
  return ((await res.json()) as { items: { id: string }[] }).items;
};

/** What a worker stopped mid-POST leaves: its note of the start, and the start the server made from the POST. */
async function stoppedMidPost(at = new Date()) {
  await pendingStartsItem.setValue({
    [REQUEST]: { input, serverUrl: testOrigin(server.url), at: at.toISOString(), recordId: null },
  });
  await fetch(`${server.url}/api/v1/app-conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(toStartRequestV1(input)),
  });
  const [task] = await serverTasks();
  server.requests.splice(0);
  return task;
}

describe('starts that outlive the worker', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    server.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
  });

  it('should note a start before its POST leaves, and name its record once it is known', async () => {
    const starts = createStarts(await makeDeps());
    let noted: unknown;
    server.configure({ delayMs: 50 });
    const started = starts.start(input, REQUEST);
    await vi.waitFor(async () => {
      expect(posts()).toHaveLength(1);
      noted = (await pendingStartsItem.getValue())[REQUEST];
    });
    const record = await started;

    expect(noted).toMatchObject({ input, recordId: null });
    expect((await pendingStartsItem.getValue())[REQUEST]?.recordId).toBe(record.id);
    expect(record.requestId).toBe(REQUEST);
  });

  it('should give the same record, and post once, however often the same request is sent', async () => {
    const deps = await makeDeps();
    const starts = createStarts(deps);

    const [a, b] = await Promise.all([starts.start(input, REQUEST), starts.start(input, REQUEST)]);
    const later = await createStarts(deps).start(input, REQUEST);

    expect(new Set([a.id, b.id, later.id]).size).toBe(1);
    expect(posts()).toHaveLength(1);
  });

  it('should take over the start a stopped worker posted, when the page asks again', async () => {
    const task = await stoppedMidPost();

    const record = await createStarts(await makeDeps()).start(input, REQUEST);

    expect(record).toMatchObject({ id: task?.id, taskId: task?.id, state: 'starting', requestId: REQUEST });
    expect(posts()).toHaveLength(0);
    expect(await serverTasks()).toHaveLength(1);
    expect((await loadConversations()).map((r) => r.id)).toEqual([task?.id]);
  });

  it('should recover it by itself when the new worker starts, and poll it', async () => {
    const task = await stoppedMidPost();
    const deps = await makeDeps();

    await createStarts(deps).recover();

    expect((await loadConversations()).map((r) => r.id)).toEqual([task?.id]);
    expect(deps.schedulePoll).toHaveBeenCalled();
    expect(posts()).toHaveLength(0);
  });

  it('should post it when the stopped worker never got it out', async () => {
    await pendingStartsItem.setValue({
      [REQUEST]: { input, serverUrl: testOrigin(server.url), at: new Date().toISOString(), recordId: null },
    });

    const record = await createStarts(await makeDeps()).start(input, REQUEST);

    expect(posts()).toHaveLength(1);
    expect((await serverTasks()).map((t) => t.id)).toEqual([record.id]);
  });

  it('should find the record a worker stored just before it stopped, without asking the server', async () => {
    const stored = makeRecord({ id: 'task-1', taskId: 'task-1', serverUrl: server.url, requestId: REQUEST });
    await upsertConversation(stored);
    await pendingStartsItem.setValue({
      [REQUEST]: { input, serverUrl: testOrigin(server.url), at: new Date().toISOString(), recordId: null },
    });

    const record = await createStarts(await makeDeps()).start(input, REQUEST);

    expect(record.id).toBe('task-1');
    expect(server.requests).toEqual([]);
  });

  it('should look for an unconfirmed start before starting the same thing again from a new click', async () => {
    const deps = await makeDeps();
    server.failNext({ kind: 'timeout_after_handling', method: 'POST' });
    server.failNext({ kind: 'server_error', path: '/api/v1/app-conversations/start-tasks/search' });
    const slow = { ...deps, fetch: impatient };
    const first = await createStarts(slow)
      .start(input, REQUEST)
      .catch((error: unknown) => error);

    const again = await createStarts(deps).start(input, 'req-0002-bbbb');

    expect(first).toMatchObject({ code: 'start_unconfirmed' });
    expect(await serverTasks()).toHaveLength(1);
    expect(again.taskId).toBe((await serverTasks())[0]?.id);
    expect(posts()).toHaveLength(1);
  });

  it('should forget a start the server refused, and one older than the journal keeps', async () => {
    const old = new Date(Date.now() - PENDING_START_TTL_MS - 1_000).toISOString();
    await pendingStartsItem.setValue({
      old: { input, serverUrl: testOrigin(server.url), at: old, recordId: null },
    });
    server.failNext({ kind: 'validation', method: 'POST' });

    await expect(createStarts(await makeDeps()).start(input, REQUEST)).rejects.toMatchObject({
      code: 'validation',
    });
    expect(await pendingStartsItem.getValue()).toEqual({});
  });
});

/** A fetch that gives up on a POST after a second, as the client does after its timeout. */
const impatient: typeof fetch = (url, init) =>
  (init?.method ?? 'GET').toUpperCase() === 'POST'
    ? fetch(url, { ...init, signal: AbortSignal.timeout(1_000) })
    : fetch(url, init);
