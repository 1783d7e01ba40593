// @vitest-environment node

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toStartRequestV0, toStartRequestV1 } from '@/lib/conversations/start-request';
import { conversationState, isTerminalStartStatus } from '@/lib/conversations/statuses';
import { OpenHandsError } from '@/lib/errors/error';
import { createOpenHandsClient, type OpenHandsClient } from '@/lib/openhands/client';
import { authFor, detectServer } from '@/lib/openhands/detect';
import type { Auth } from '@/lib/openhands/http';
import type { AppConversationStartTask } from '@/lib/openhands/schemas-v1';
import { testKey } from '../../../support/api-key';
import { type OpenHandsTestServer, startOpenHandsServer } from '../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../support/origin';
import { issueInput, noRepositoryInput, prInput } from './helpers/fixtures';

/*
 * The real client against the local OpenHands stand-in, which checks every request against the OpenAPI files.
 * The read-only cases also run against a real server when OPENHANDS_BASE_URL and OPENHANDS_API_KEY are set.
 */

const API_KEY = 'test-key';

/** Polls the start task until it is READY or ERROR; the stand-in advances one stage per poll. */
async function pollStart(client: OpenHandsClient, task: AppConversationStartTask, maxPolls = 20) {
  let current = task;
  for (let i = 0; i < maxPolls && !isTerminalStartStatus(current.status); i++) {
    const [next] = await client.getStartTasks([task.id]);
    if (!next) throw new Error(`start task ${task.id} disappeared`);
    current = next;
  }
  return current;
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<OpenHandsError> {
  const err = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenHandsError);
  return err as OpenHandsError;
}

/**
 * Every request the client sent kept to the contract. (The stand-in's own answers are its tests' business:
 * `responseErrors` is not checked here.)
 */
function expectContractKept(server: OpenHandsTestServer) {
  const broken = server.requests.filter((req) => !req.valid);
  server.reset();
  expect(broken.map((req) => `${req.method} ${req.path}: ${req.validationErrors.join('; ')}`)).toEqual([]);
}

describe('client against the local OpenHands server (cloud)', () => {
  let server: OpenHandsTestServer;
  const clientWith = (auth: Auth, timeoutMs?: number) =>
    createOpenHandsClient({ baseUrl: testOrigin(`${server.url}/`), auth, timeoutMs });

  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'cloud', apiKey: API_KEY });
  });
  afterEach(() => expectContractKept(server));
  afterAll(() => server?.close());

  it('should detect V1 Cloud and check the key', async () => {
    const info = await detectServer(clientWith(null));
    const client = clientWith(authFor(testOrigin(server.url), info.appMode, testKey(API_KEY)));

    const key = await client.getCurrentApiKey();

    expect(info).toEqual({ apiVersion: 'v1', appMode: 'saas' });
    expect(key.org_id).toEqual(expect.any(String));
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('should start a conversation and poll it to READY', async () => {
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });

    const task = await client.startConversation(toStartRequestV1(prInput));
    const done = await pollStart(client, task);
    const [conversation] = await client.getConversations([done.app_conversation_id ?? '']);

    expect(task.status).toBe('WORKING');
    expect(done.status).toBe('READY');
    expect(conversation).toMatchObject({
      selected_repository: 'owner/repo',
      pr_number: [7],
      trigger: 'openhands_api',
    });
    expect(conversation).not.toHaveProperty('session_api_key');
    expect(conversation && conversationState(conversation)).toEqual(expect.any(String));
  });

  it('should start a conversation without a repository', async () => {
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });

    const done = await pollStart(client, await client.startConversation(toStartRequestV1(noRepositoryInput)));
    const [conversation] = await client.getConversations([done.app_conversation_id ?? '']);

    expect(done.status).toBe('READY');
    expect(server.requests.find((r) => r.method === 'POST')?.body).not.toHaveProperty('selected_repository');
    expect(conversation).toMatchObject({ selected_repository: null, selected_branch: null });
  });

  it('should report a start that ends in ERROR with its detail', async () => {
    server.configure({
      finalStartStatus: 'ERROR',
      errorDetail: 'Repository not accessible',
      stepsPerPoll: 10,
    });
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });

    const done = await pollStart(client, await client.startConversation(toStartRequestV1(issueInput)));

    expect(done).toMatchObject({ status: 'ERROR', detail: 'Repository not accessible' });
  });

  it('should search start tasks newest first, created since a given time', async () => {
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });
    await client.startConversation(toStartRequestV1(prInput));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date();
    const newer = await client.startConversation(toStartRequestV1(issueInput));
    const newest = await client.startConversation(toStartRequestV1(prInput));

    const page = await client.searchStartTasks({ createdSince: since });

    expect(page.items.map((task) => task.id)).toEqual([newest.id, newer.id]);
    expect(page.items[1]?.request).toMatchObject({
      title: issueInput.title,
      selected_repository: issueInput.repository,
    });
    expect(server.requests.at(-1)?.query.get('sort_order')).toBe('CREATED_AT_DESC');
  });

  it('should search conversations page by page', async () => {
    server.seedConversations(3);
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });

    const first = await client.searchConversations({ limit: 2 });
    const second = await client.searchConversations({ limit: 2, pageId: first.next_page_id });

    expect(first.items).toHaveLength(2);
    expect(first.next_page_id).toEqual(expect.any(String));
    expect(second.items).toHaveLength(1);
    expect(second.next_page_id ?? null).toBeNull();
  });

  it('should explain a wrong key without repeating it', async () => {
    const client = clientWith({ kind: 'bearer', key: testKey('wrong-key-123') });

    const err = await failure(client.getCurrentApiKey());

    expect(err.code).toBe('unauthorized');
    expect(err.message).toContain(`${server.url}/settings/api-keys`);
    expect(err.message).not.toContain('wrong-key-123');
  });

  it.each([
    ['concurrency_limit', 'concurrency_limit', /You have 3 of 3 conversations running/],
    ['rate_limited', 'rate_limited', /Try again in 7 seconds/],
    ['server_error_html', 'server_error', /^OpenHands had a server error \(HTTP 502\)/],
    ['validation', 'validation', /Value error, injected validation failure/],
    ['not_json', 'bad_response', /not JSON/],
    ['malformed', 'bad_response', /could not read/],
    ['disconnect', 'offline', /Could not reach OpenHands/],
  ] as const)('should map an injected %s failure to %s', async (kind, code, message) => {
    server.failNext(kind);
    const client = clientWith({ kind: 'bearer', key: testKey(API_KEY) });

    const err = await failure(client.startConversation(toStartRequestV1(issueInput)));

    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('should time out on a server that never answers', async () => {
    server.failNext('timeout');

    const err = await failure(
      clientWith({ kind: 'bearer', key: testKey(API_KEY) }, 200).searchConversations(),
    );

    expect(err.code).toBe('timeout');
  });
});

describe('client against the local OpenHands server (self-hosted)', () => {
  const SESSION_KEY = 'session-key-1';
  let server: OpenHandsTestServer;

  afterEach(() => server && expectContractKept(server));
  afterAll(() => server?.close());

  it('should detect V1 oss and use X-Session-API-Key', async () => {
    server = await startOpenHandsServer({ mode: 'oss', apiKey: SESSION_KEY });

    const info = await detectServer(createOpenHandsClient({ baseUrl: testOrigin(server.url), auth: null }));
    const auth = authFor(testOrigin(server.url), info.appMode, testKey(SESSION_KEY));
    const page = await createOpenHandsClient({ baseUrl: testOrigin(server.url), auth }).searchConversations({
      limit: 1,
    });

    expect(info).toEqual({ apiVersion: 'v1', appMode: 'oss' });
    expect(auth).toEqual({ kind: 'session', key: SESSION_KEY });
    expect(page.items).toEqual([]);
  });
});

describe('client against the local OpenHands server (legacy V0)', () => {
  const SESSION_KEY = 'session-key-0';
  let server: OpenHandsTestServer;

  beforeAll(async () => {
    server = await startOpenHandsServer({ mode: 'v0', apiKey: SESSION_KEY });
  });
  afterEach(() => expectContractKept(server));
  afterAll(() => server?.close());

  it('should fall back to V0, even probing without the session key', async () => {
    const info = await detectServer(createOpenHandsClient({ baseUrl: testOrigin(server.url), auth: null }));

    expect(info).toEqual({ apiVersion: 'v0', appMode: null });
  });

  it('should start, get and list V0 conversations', async () => {
    const client = createOpenHandsClient({
      baseUrl: testOrigin(server.url),
      auth: authFor(testOrigin(server.url), null, testKey(SESSION_KEY)),
    });

    const started = await client.startConversationV0(toStartRequestV0(prInput));
    const info = await client.getConversationV0(started.conversation_id);
    const list = await client.listConversationsV0({ limit: 5 });

    expect(started.status).toBe('ok');
    expect(info?.conversation_id).toBe(started.conversation_id);
    expect(list.results.map((c) => c.conversation_id)).toContain(started.conversation_id);
    expect(server.requests.at(-1)?.headers['x-session-api-key']).toBe(SESSION_KEY);
  });

  it('should start a V0 conversation without a repository', async () => {
    const client = createOpenHandsClient({
      baseUrl: testOrigin(server.url),
      auth: authFor(testOrigin(server.url), null, testKey(SESSION_KEY)),
    });

    const started = await client.startConversationV0(toStartRequestV0(noRepositoryInput));
    const info = await client.getConversationV0(started.conversation_id);

    expect(started.status).toBe('ok');
    expect(info?.selected_repository ?? null).toBeNull();
  });

  it('should answer null for an unknown V0 conversation', async () => {
    const client = createOpenHandsClient({
      baseUrl: testOrigin(server.url),
      auth: authFor(testOrigin(server.url), null, testKey(SESSION_KEY)),
    });

    expect(await client.getConversationV0('0'.repeat(32))).toBeNull();
  });
});

// Read-only checks against a real server; nothing is started or changed there.
const REAL_URL = process.env.OPENHANDS_BASE_URL;
const REAL_KEY = process.env.OPENHANDS_API_KEY;
const noReal = !REAL_URL || !REAL_KEY;
/** Real servers can be slow; the client's own timeout (30 s) should be what fails first. */
const REAL_TIMEOUT_MS = 60_000;
const realSuffix = noReal ? ' (skipped: OPENHANDS_BASE_URL and OPENHANDS_API_KEY are unset)' : '';

describe('client against a real OpenHands server', () => {
  /** A client for the real server, with auth chosen the way the background chooses it. */
  async function realClient() {
    const info = await detectServer(
      createOpenHandsClient({ baseUrl: testOrigin(REAL_URL ?? ''), auth: null }),
    );
    const client = createOpenHandsClient({
      baseUrl: testOrigin(REAL_URL ?? ''),
      auth: authFor(testOrigin(REAL_URL ?? ''), info.appMode, testKey(REAL_KEY)),
    });
    return { info, client };
  }

  it.skipIf(noReal)(
    `should read the web client config${realSuffix}`,
    async () => {
      const { info } = await realClient();

      expect(['v1', 'v0']).toContain(info.apiVersion);
    },
    REAL_TIMEOUT_MS,
  );

  it.skipIf(noReal)(
    `should accept the API key${realSuffix}`,
    async () => {
      const { info, client } = await realClient();

      if (info.apiVersion === 'v0') await client.listConversationsV0({ limit: 1 });
      else if (info.appMode === 'saas')
        expect((await client.getCurrentApiKey()).id).toEqual(expect.any(Number));
      else await client.searchConversations({ limit: 1 });
    },
    REAL_TIMEOUT_MS,
  );

  it.skipIf(noReal)(
    `should search conversations${realSuffix}`,
    async () => {
      const { info, client } = await realClient();

      const items =
        info.apiVersion === 'v0'
          ? (await client.listConversationsV0({ limit: 5 })).results
          : (await client.searchConversations({ limit: 5 })).items;

      expect(items.length).toBeLessThanOrEqual(5);
    },
    REAL_TIMEOUT_MS,
  );
});
