// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import {
  applyServerPage,
  FRESH_MS,
  pollOnce,
  pollRecords,
  refreshRecords,
  serverAnswered,
} from '@/lib/background/polling/poller';
import { loadConversations, upsertConversation } from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { startConversation } from '@/lib/background/starts/start-conversation';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

const KEY = 'poller-test-key-123';
const input: StartInput = {
  repository: 'octo-org/hello-world',
  branch: 'feature/login-fix',
  prNumber: 7,
  title: '#7: Fix login',
  message: 'Address the review comments on https://github.com/octo-org/hello-world/pull/7',
  source: { kind: 'pull', url: 'https://github.com/octo-org/hello-world/pull/7', number: 7 },
};

let server: OpenHandsTestServer;
let clock: number;

/** Background dependencies wired to the test server, with a clock the test moves. */
async function makeDeps() {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(KEY));
  return {
    apiKeys,
    fetch: globalThis.fetch,
    now: () => new Date(clock),
    schedulePoll: vi.fn(),
    notify: vi.fn(async () => {}),
    onRecords: vi.fn(async () => {}),
  };
}

async function startServer() {
  server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
}

/** A fresh browser, server and clock for each test. */
async function resetServer() {
  fakeBrowser.reset();
  server.reset();
  clock = Date.parse('2026-11-28T10:00:00Z');
  await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
}

describe('poller against the OpenHands test server', () => {
  beforeAll(startServer);
  afterAll(() => server.close());
  beforeEach(resetServer);

  it('should follow a start through every stage to a running conversation', async () => {
    const deps = await makeDeps();
    const record = await startConversation(input, deps);
    expect(deps.schedulePoll).toHaveBeenCalled();
    const stages: (string | null)[] = [];
    for (let i = 0; i < 12 && (await loadConversations())[0]?.state === 'starting'; i++) {
      clock += 3_000;
      await pollOnce(deps);
      stages.push((await loadConversations())[0]?.startStatus ?? null);
    }
    const [done] = await loadConversations();
    expect(stages).toEqual([
      'WAITING_FOR_SANDBOX',
      'PREPARING_REPOSITORY',
      'RUNNING_SETUP_SCRIPT',
      'SETTING_UP_GIT_HOOKS',
      'SETTING_UP_SKILLS',
      'STARTING_CONVERSATION',
      'READY',
    ]);
    expect(done).toMatchObject({ id: record.id, state: 'running', branch: 'feature/login-fix', prNumber: 7 });
    expect(done?.conversationId).toBe(server.getStartTask(record.id)?.app_conversation_id);
    expect(server.requests.every((r) => r.valid)).toBe(true);
  });

  it('should start and follow a conversation without a repository', async () => {
    const deps = await makeDeps();
    const record = await startConversation(
      {
        message: 'Explain this stack trace: TypeError: boom',
        source: { kind: 'selection', url: input.source.url },
      },
      deps,
    );
    expect(record).toMatchObject({
      repository: null,
      branch: null,
      title: 'Explain this stack trace: TypeError: boom',
    });
    server.configure({ stepsPerPoll: 7 });
    clock += 2_000;
    await pollOnce(deps);
    const [done] = await loadConversations();
    expect(done).toMatchObject({ id: record.id, state: 'running', repository: null });
    expect(server.requests.every((r) => r.valid)).toBe(true);
  });

  it('should notify once when the conversation finishes, then stop polling it', async () => {
    const deps = await makeDeps();
    server.configure({ stepsPerPoll: 8 });
    await startConversation(input, deps);
    clock += 3_000;
    await pollOnce(deps);
    const [running] = await loadConversations();
    server.setConversationStatus(running?.conversationId ?? '', { execution_status: 'finished' });
    clock += 10_000;
    await pollOnce(deps);
    clock += 60_000;
    expect(await pollOnce(deps)).toBeNull();
    const [finished] = await loadConversations();
    expect(finished).toMatchObject({ state: 'finished', polling: false, notifiedState: 'finished' });
    expect(deps.notify).toHaveBeenCalledTimes(1);
  });

  it('should learn the PRs a conversation lists from each poll', async () => {
    const deps = await makeDeps();
    server.configure({ stepsPerPoll: 8 });
    await startConversation(
      { ...input, prNumber: undefined, source: { ...input.source, kind: 'issue' } },
      deps,
    );
    clock += 3_000;
    await pollOnce(deps);
    const [running] = await loadConversations();
    expect(running?.pullNumbers).toEqual([]);
    server.setConversationStatus(running?.conversationId ?? '', {
      execution_status: 'finished',
      pr_number: [12],
    });
    clock += 10_000;
    await pollOnce(deps);
    const [finished] = await loadConversations();
    expect(finished).toMatchObject({ state: 'finished', pullNumbers: [12] });
    expect(deps.notify).toHaveBeenCalledWith(expect.objectContaining({ pullNumbers: [12] }));
  });

  it('should poll the records a page names in one batch call, even those the background stopped polling', async () => {
    const deps = await makeDeps();
    const [paused, finished, other] = server.seedConversations(3, { sandbox_status: 'PAUSED' });
    const record = (id: string, conversationId: string | undefined, polling: boolean) =>
      makeRecord({
        id,
        taskId: null,
        conversationId: conversationId ?? null,
        serverUrl: server.url,
        state: 'paused',
        polling,
      });
    await upsertConversation(record('paused', paused?.id, false));
    await upsertConversation({ ...record('finished', finished?.id, false), state: 'finished' });
    await upsertConversation(record('other', other?.id, true));
    server.setConversationStatus(paused?.id ?? '', {
      sandbox_status: 'RUNNING',
      execution_status: 'finished',
      pr_number: [9],
    });
    await pollRecords(['paused', 'finished'], deps);
    const reads = server.requests.filter((r) => r.path === '/api/v1/app-conversations');
    expect(reads).toHaveLength(1);
    expect(reads[0]?.query.getAll('ids')).toEqual([paused?.id]);
    const records = await loadConversations();
    expect(records.find((r) => r.id === 'paused')).toMatchObject({ state: 'finished', pullNumbers: [9] });
    expect(deps.notify).toHaveBeenCalledTimes(1);
    await pollRecords(['paused', 'finished'], deps);
    expect(server.requests.filter((r) => r.path === '/api/v1/app-conversations')).toHaveLength(1);
  });

  it('should only poll records that are due, in one batch call', async () => {
    const deps = await makeDeps();
    server.configure({ stepsPerPoll: 0 });
    await startConversation(input, deps);
    await startConversation({ ...input, message: 'another' }, deps);
    clock += 3_000;
    const next = await pollOnce(deps);
    expect(server.requests.filter((r) => r.path.endsWith('/start-tasks'))).toHaveLength(1);
    expect(server.requests.at(-1)?.query.getAll('ids')).toHaveLength(2);
    expect(next).toBe(3_000);
    await pollOnce(deps);
    expect(server.requests.filter((r) => r.path.endsWith('/start-tasks'))).toHaveLength(1);
  });

  it('should wait as long as Retry-After asks, even when the worker restarts meanwhile', async () => {
    const deps = await makeDeps();
    await startConversation(input, deps);
    server.failNext({ kind: 'rate_limited', retryAfter: 120 });
    clock += 3_000;
    expect(await pollOnce(deps)).toBe(120_000);
    const polls = () => server.requests.filter((r) => r.path.endsWith('/start-tasks')).length;
    const pollsAfter429 = polls();

    // A new worker polls at once on start: it must still wait for the server.
    clock += 60_000;
    expect(await pollOnce(deps)).toBe(60_000);
    expect(polls()).toBe(pollsAfter429);

    clock += 60_000;
    await pollOnce(deps);
    expect(polls()).toBe(pollsAfter429 + 1);
    expect((await loadConversations())[0]?.pollFailure).toBeNull();
  });

  it('should back off while polls keep failing, starting from the usual interval', async () => {
    const deps = await makeDeps();
    await startConversation(input, deps);
    server.failNext('server_error_html', 5);
    const delays: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const delay = await pollOnce(deps);
      delays.push(delay);
      clock += delay ?? 0;
    }
    expect(delays).toEqual([3_000, 6_000, 12_000, 24_000, 48_000]);
    expect((await loadConversations())[0]?.pollFailure).toMatchObject({ count: 5 });
    expect(await pollOnce(deps)).toBe(3_000);
    expect((await loadConversations())[0]).toMatchObject({ state: 'starting', pollFailure: null });
  });

  it('should show "Status unknown" and stop once a conversation could not be polled for a day', async () => {
    const deps = await makeDeps();
    await startConversation(input, deps);
    server.failNext('server_error', 10_000);
    const began = clock;
    let delay: number | null = 0;
    let polls = 0;
    for (; delay !== null && polls < 2_000; polls++) {
      clock += delay;
      delay = await pollOnce(deps);
    }
    const [record] = await loadConversations();
    expect(delay).toBeNull();
    expect(record).toMatchObject({ state: 'unknown', polling: false });
    expect(clock - began).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    // Backed off to one call every 5 minutes, not one every 30 s (2,880 a day).
    expect(polls).toBeLessThan(300);
    expect(deps.notify).not.toHaveBeenCalled();
    expect(deps.onRecords).toHaveBeenLastCalledWith([expect.objectContaining({ state: 'unknown' })]);
  });

  it('should stop polling, without counting a failure, once the key is rejected', async () => {
    const deps = await makeDeps();
    await startConversation(input, deps);
    server.failNext('unauthorized');
    clock += 3_000;
    expect(await pollOnce(deps)).toBeNull();
    expect((await loadConversations())[0]).toMatchObject({
      state: 'starting',
      polling: true,
      pollFailure: null,
    });
  });

  it('should stop polling a conversation unchanged for a day', async () => {
    const deps = await makeDeps();
    server.configure({ stepsPerPoll: 8 });
    await startConversation(input, deps);
    clock += 3_000;
    await pollOnce(deps);
    clock += 25 * 60 * 60 * 1000;
    await pollOnce(deps);
    const [stale] = await loadConversations();
    expect(stale).toMatchObject({ state: 'running', polling: false });
  });

  it('should record the error detail of a start that failed', async () => {
    const deps = await makeDeps();
    server.configure({
      stepsPerPoll: 8,
      finalStartStatus: 'ERROR',
      errorDetail: 'No access to octo-org/hello-world',
    });
    await startConversation(input, deps);
    clock += 3_000;
    await pollOnce(deps);
    const [failed] = await loadConversations();
    expect(failed).toMatchObject({
      state: 'error',
      detail: 'No access to octo-org/hello-world',
      polling: false,
    });
    expect(deps.notify).toHaveBeenCalledWith(expect.objectContaining({ state: 'error' }));
  });
});

describe('what you see is current (issue 17)', () => {
  beforeAll(startServer);
  afterAll(() => server.close());
  beforeEach(resetServer);

  const batchReads = () => server.requests.filter((r) => r.path === '/api/v1/app-conversations');

  /** Two conversations of an issue, as stored: one finished (no longer polled), one paused, read a minute ago. */
  async function storedPair() {
    const [done, paused] = server.seedConversations(2, { execution_status: 'finished' });
    const stored = (id: string, patch: Parameters<typeof makeRecord>[0]) =>
      upsertConversation(
        makeRecord({
          id,
          taskId: null,
          conversationId: id,
          serverUrl: server.url,
          lastPolledAt: new Date(clock - 60_000).toISOString(),
          ...patch,
        }),
      );
    await stored(done?.id ?? '', { state: 'finished', polling: false });
    await stored(paused?.id ?? '', { state: 'paused', createdAt: '2026-11-28T09:59:00.000Z' });
    return { done: done?.id ?? '', paused: paused?.id ?? '' };
  }

  it('should read the item’s conversations at once when its page opens, final ones included, in one request', async () => {
    const { done, paused } = await storedPair();
    // Meanwhile in OpenHands: a message typed into the finished one, and the paused one finished with a PR
    server.setConversationStatus(done, { execution_status: 'running' });
    server.setConversationStatus(paused, {
      sandbox_status: 'RUNNING',
      execution_status: 'finished',
      pr_number: [12],
    });
    server.requests.splice(0);

    await refreshRecords([done, paused], await makeDeps());

    const records = await loadConversations();
    expect(records.find((r) => r.id === done)).toMatchObject({ state: 'running', polling: true });
    expect(records.find((r) => r.id === paused)).toMatchObject({ state: 'finished', pullNumbers: [12] });
    expect(batchReads()).toHaveLength(1);
    expect(batchReads()[0]?.query.getAll('ids').sort()).toEqual([done, paused].sort());
  });

  it('should not ask again for what was read a moment ago, nor when the server asked for a pause', async () => {
    const { done, paused } = await storedPair();
    const stored = async (id: string) =>
      (await loadConversations()).find((r) => r.id === id) as ConversationRecord;
    await upsertConversation({
      ...(await stored(done)),
      lastPolledAt: new Date(clock - FRESH_MS / 2).toISOString(),
    });
    await upsertConversation({
      ...(await stored(paused)),
      pollFailure: {
        count: 1,
        since: new Date(clock).toISOString(),
        retryAt: new Date(clock + 30_000).toISOString(),
        notBefore: new Date(clock + 30_000).toISOString(),
      },
    });
    server.requests.splice(0);

    await refreshRecords([done, paused], await makeDeps());

    expect(server.requests).toEqual([]);
  });

  it('should bring the popup’s page of the server to the records it names, without a request', async () => {
    const { done } = await storedPair();
    const running = server.setConversationStatus(done, { execution_status: 'running', pr_number: [3] });
    server.requests.splice(0);

    await applyServerPage(testOrigin(server.url), [running as never], await makeDeps());

    expect((await loadConversations()).find((r) => r.id === done)).toMatchObject({
      state: 'running',
      polling: true,
      pullNumbers: [3],
    });
    expect(server.requests).toEqual([]);
  });
});

describe('offline and back (issue 17)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should make what was backing off due at once when the server answers again, but not what it paused', async () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    const later = new Date(now + 4 * 60_000).toISOString();
    const failure = (notBefore: string | null) => ({
      count: 5,
      since: new Date(now - 600_000).toISOString(),
      retryAt: later,
      notBefore,
    });
    await upsertConversation(
      makeRecord({ id: 'waiting', serverUrl: 'https://oh.example', pollFailure: failure(null) }),
    );
    await upsertConversation(
      makeRecord({ id: 'paused-by-server', serverUrl: 'https://oh.example', pollFailure: failure(later) }),
    );
    await upsertConversation(
      makeRecord({ id: 'elsewhere', serverUrl: 'https://other.example', pollFailure: failure(null) }),
    );

    expect(await serverAnswered(testOrigin('https://oh.example'), new Date(now))).toBe(true);
    const retryAt = Object.fromEntries(
      (await loadConversations()).map((r) => [r.id, r.pollFailure?.retryAt]),
    );

    expect(retryAt).toEqual({
      waiting: new Date(now).toISOString(),
      'paused-by-server': later,
      elsewhere: later,
    });
    expect(await serverAnswered(testOrigin('https://oh.example'), new Date(now))).toBe(false);
  });
});
