// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppConversation,
  type AppConversationStartTask,
  getValidator,
  type OpenHandsTestServer,
  START_TASK_STEPS,
  startOpenHandsServer,
} from '../../support/openhands-server/index.ts';

/** Real HTTP against the stand-in on 127.0.0.1; every answer it builds itself is checked against the spec. */

const KEY = 'test-key';
const cloud = getValidator('cloud');
const v0 = getValidator('v0');
const HEX32 = /^[0-9a-f]{32}$/;

let server: OpenHandsTestServer;

beforeAll(async () => {
  server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
});

afterEach(() => {
  const responseErrors = server.requests.flatMap((r) =>
    r.responseErrors.map((e) => `${r.method} ${r.path}: ${e}`),
  );
  server.reset();
  expect(responseErrors).toEqual([]);
});

afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** fetch with Cloud auth and a JSON body by default. */
async function api(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; auth?: boolean } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    ...(init.auth === false ? {} : { authorization: `Bearer ${KEY}` }),
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...headers, ...init.headers },
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const START_BODY = {
  initial_message: { content: [{ type: 'text', text: 'Please fix issue #42 of octo/repo.' }], run: true },
  selected_repository: 'octo/repo',
  selected_branch: 'main',
  git_provider: 'github',
  title: 'Fix #42: crash on startup',
  trigger: 'openhands_api',
  pr_number: [7],
};

async function startTask(body: unknown = START_BODY): Promise<AppConversationStartTask> {
  const res = await api('/api/v1/app-conversations', { body });
  expect(res.status).toBe(200);
  expect(cloud.validateResponse('post', '/api/v1/app-conversations', 200, res.json)).toEqual([]);
  return res.json as AppConversationStartTask;
}

async function poll(...ids: string[]): Promise<(AppConversationStartTask | null)[]> {
  const res = await api(`/api/v1/app-conversations/start-tasks?${ids.map((id) => `ids=${id}`).join('&')}`);
  expect(res.status).toBe(200);
  expect(cloud.validateResponse('get', '/api/v1/app-conversations/start-tasks', 200, res.json)).toEqual([]);
  return res.json as (AppConversationStartTask | null)[];
}

async function pollUntilDone(id: string): Promise<{ task: AppConversationStartTask; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [task] = await poll(id);
    if (!task) throw new Error('task vanished');
    seen.push(task.status);
    if (task.status === 'READY' || task.status === 'ERROR') return { task, seen };
  }
  throw new Error('task never finished');
}

describe('V1 start and polling', () => {
  it('starts a task, advances one status per poll to READY, then lists the conversation', async () => {
    const task = await startTask();
    expect(task).toMatchObject({
      status: 'WORKING',
      app_conversation_id: null,
      sandbox_id: null,
      detail: null,
    });
    expect(task.id).toMatch(HEX32);
    expect(task.created_by_user_id).toBe('test-user');
    expect(task.request).toMatchObject({
      selected_repository: 'octo/repo',
      pr_number: [7],
      agent_type: 'default',
    });
    expect(Date.parse(task.created_at)).not.toBeNaN();

    const { task: done, seen } = await pollUntilDone(task.id);
    expect(seen).toEqual([...START_TASK_STEPS.slice(1), 'READY']);
    expect(done.app_conversation_id).toMatch(HEX32);
    expect(done.sandbox_id).toBeTruthy();
    expect(done.agent_server_url).toContain(server.url);

    const got = await api(`/api/v1/app-conversations?ids=${done.app_conversation_id}`);
    expect(got.status).toBe(200);
    expect(cloud.validateResponse('get', '/api/v1/app-conversations', 200, got.json)).toEqual([]);
    const [conversation] = got.json as AppConversation[];
    expect(conversation).toMatchObject({
      id: done.app_conversation_id,
      sandbox_id: done.sandbox_id,
      title: 'Fix #42: crash on startup',
      selected_repository: 'octo/repo',
      selected_branch: 'main',
      pr_number: [7],
      trigger: 'openhands_api',
      sandbox_status: 'RUNNING',
      execution_status: 'running',
    });

    const page = await api('/api/v1/app-conversations/search?limit=20');
    expect(cloud.validateResponse('get', '/api/v1/app-conversations/search', 200, page.json)).toEqual([]);
    expect(page.json).toMatchObject({ items: [{ id: done.app_conversation_id }], next_page_id: null });
  });

  it('titles an untitled conversation after its id', async () => {
    const task = await startTask({ initial_message: { content: [{ type: 'text', text: 'hi' }] } });
    server.configure({ stepsPerPoll: 100 });
    const [done] = await poll(task.id);
    const conversation = server.getConversation(done?.app_conversation_id ?? '');
    expect(conversation?.title).toBe(`Conversation ${conversation?.id.slice(0, 5)}`);
    expect(conversation?.selected_repository).toBeNull();
  });

  it('honours stepsPerPoll, including 0 (never advances)', async () => {
    server.configure({ stepsPerPoll: 3 });
    const fast = await startTask();
    expect((await pollUntilDone(fast.id)).seen).toEqual([
      'RUNNING_SETUP_SCRIPT',
      'STARTING_CONVERSATION',
      'READY',
    ]);
    server.configure({ stepsPerPoll: 0 });
    const stuck = await startTask();
    expect((await poll(stuck.id))[0]?.status).toBe('WORKING');
    expect((await poll(stuck.id))[0]?.status).toBe('WORKING');
  });

  it('ends in ERROR with detail when finalStartStatus is ERROR', async () => {
    server.configure({
      finalStartStatus: 'ERROR',
      errorDetail: 'Repository octo/repo not found',
      stepsPerPoll: 10,
    });
    const task = await startTask();
    const [done] = await poll(task.id);
    expect(done).toMatchObject({
      status: 'ERROR',
      detail: 'Repository octo/repo not found',
      app_conversation_id: null,
    });
    expect(server.requests.every((r) => r.valid)).toBe(true);
  });

  it('answers null for unknown tasks, accepts dashed ids, and advances a repeated id once per poll', async () => {
    const task = await startTask();
    const dashed = task.id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5').toUpperCase();
    const unknown = 'f'.repeat(32);
    const [a, b, c] = await poll(task.id, dashed, unknown);
    expect(a?.status).toBe('WAITING_FOR_SANDBOX');
    expect(b?.status).toBe('WAITING_FOR_SANDBOX');
    expect(c).toBeNull();
    expect(server.requests.at(-1)?.query.getAll('ids')).toEqual([task.id, dashed, unknown]);
  });

  it('rejects bad start-task ids: not a UUID → 422 (the spec types them uuid), more than 100 → 400', async () => {
    const bad = await api('/api/v1/app-conversations/start-tasks?ids=not-a-uuid');
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ detail: [{ loc: ['query', 'ids', 0], type: 'uuid_parsing' }] });
    const missing = await api('/api/v1/app-conversations/start-tasks');
    expect(missing.json).toMatchObject({ detail: [{ loc: ['query', 'ids'], type: 'missing' }] });
    const many = Array.from({ length: 101 }, () => `ids=${'a'.repeat(32)}`).join('&');
    expect((await api(`/api/v1/app-conversations/start-tasks?${many}`)).status).toBe(400);
  });

  it('batch-gets conversations: null for unknown ids, 400 for ids that are not UUIDs', async () => {
    const [seeded] = server.seedConversations(1);
    const ok = await api(`/api/v1/app-conversations?ids=${seeded?.id}&ids=${'0'.repeat(32)}`);
    expect(ok.json).toEqual([seeded, null]);
    const bad = await api('/api/v1/app-conversations?ids=abc');
    expect(bad).toMatchObject({ status: 400, json: { detail: "Invalid UUID format for ids: ['abc']" } });
  });
});

describe('request validation against the OpenAPI file', () => {
  it('answers 422 with a FastAPI detail for a wrongly typed field, and records the request as invalid', async () => {
    const res = await api('/api/v1/app-conversations', { body: { ...START_BODY, selected_repository: 123 } });
    expect(res.status).toBe(422);
    expect(res.json).toEqual({
      detail: [
        {
          loc: ['body', 'selected_repository'],
          msg: 'Input should be a valid string',
          type: 'string_type',
          input: 123,
        },
      ],
    });
    expect(cloud.validateResponse('post', '/api/v1/app-conversations', 422, res.json)).toEqual([]);
    const [recorded] = server.requests;
    expect(recorded).toMatchObject({ valid: false, operation: '/api/v1/app-conversations', status: 422 });
    expect(recorded?.validationErrors).toEqual(['body.selected_repository: Input should be a valid string']);
    expect(server.getStartTask('x')).toBeNull();
  });

  it('rejects an extra key in TextContent (additionalProperties: false)', async () => {
    const body = { ...START_BODY, initial_message: { content: [{ type: 'text', text: 'hi', bold: true }] } };
    const res = await api('/api/v1/app-conversations', { body });
    expect(res.status).toBe(422);
    expect((res.json as { detail: unknown[] }).detail).toContainEqual({
      loc: ['body', 'initial_message', 'content', 0, 'bold'],
      msg: 'Extra inputs are not permitted',
      type: 'extra_forbidden',
      input: true,
    });
  });

  it('checks enums, the JSON syntax, the content type and a missing body the way FastAPI does', async () => {
    const enumRes = await api('/api/v1/app-conversations', { body: { ...START_BODY, git_provider: 'svn' } });
    expect(enumRes.json).toMatchObject({ detail: [{ loc: ['body', 'git_provider'], type: 'enum' }] });
    const broken = await api('/api/v1/app-conversations', { body: '{"title": ' });
    expect(broken.json).toMatchObject({ detail: [{ loc: ['body', 0], type: 'json_invalid' }] });
    // fetch sends a string body as text/plain unless told otherwise; FastAPI then refuses it.
    const plain = await api('/api/v1/app-conversations', {
      body: JSON.stringify(START_BODY),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(plain.json).toMatchObject({ detail: [{ loc: ['body'], type: 'model_attributes_type' }] });
    const empty = await api('/api/v1/app-conversations', { method: 'POST' });
    expect(empty.json).toMatchObject({ detail: [{ loc: ['body'], type: 'missing' }] });
    expect(server.requests.map((r) => r.valid)).toEqual([false, false, false, false]);
  });

  it('validates query parameters: limit must be an integer in 1..100, dates must be datetimes', async () => {
    for (const limit of ['0', '101', 'ten']) {
      const res = await api(`/api/v1/app-conversations/search?limit=${limit}`);
      expect(res.status, limit).toBe(422);
      expect(res.json).toMatchObject({ detail: [{ loc: ['query', 'limit'] }] });
    }
    const date = await api('/api/v1/app-conversations/search?created_at__gte=yesterday');
    expect(date.json).toMatchObject({ detail: [{ loc: ['query', 'created_at__gte'] }] });
    expect(
      (await api('/api/v1/app-conversations/search?limit=100&include_sub_conversations=true')).status,
    ).toBe(200);
  });

  it('records method, path, query, lower-case headers and the parsed body', async () => {
    await api('/api/v1/app-conversations', { body: START_BODY, headers: { 'X-Custom': 'yes' } });
    const [r] = server.requests;
    expect(r).toMatchObject({
      method: 'POST',
      path: '/api/v1/app-conversations',
      body: START_BODY,
      valid: true,
    });
    expect(r?.headers['x-custom']).toBe('yes');
    expect(r?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(r?.responseBody).toMatchObject({ status: 'WORKING' });
  });
});

describe('search paging', () => {
  it('pages newest first with opaque page ids', async () => {
    const seeded = server.seedConversations(25, { repository: 'octo/paging' });
    expect(seeded[0]?.title).toBe('Seeded conversation 25');
    const ids: string[] = [];
    let pageId: string | null = null;
    const sizes: number[] = [];
    do {
      const query: string = pageId ? `&page_id=${encodeURIComponent(pageId)}` : '';
      const res = await api(`/api/v1/app-conversations/search?limit=10${query}`);
      expect(cloud.validateResponse('get', '/api/v1/app-conversations/search', 200, res.json)).toEqual([]);
      const page = res.json as { items: AppConversation[]; next_page_id: string | null };
      sizes.push(page.items.length);
      ids.push(...page.items.map((c) => c.id));
      pageId = page.next_page_id;
      if (pageId) expect(pageId).not.toMatch(/^\d+$/);
    } while (pageId);
    expect(sizes).toEqual([10, 10, 5]);
    expect(ids).toEqual(seeded.map((c) => c.id));
  });

  it('defaults to 100 items, filters by title, and answers 400 for a page id it did not issue', async () => {
    server.seedConversations(105);
    const all = (await api('/api/v1/app-conversations/search')).json as {
      items: unknown[];
      next_page_id: string;
    };
    expect(all.items).toHaveLength(100);
    expect(all.next_page_id).toBeTruthy();
    const one = await api('/api/v1/app-conversations/search?title__contains=conversation%20105');
    expect((one.json as { items: AppConversation[] }).items.map((c) => c.title)).toEqual([
      'Seeded conversation 105',
    ]);
    expect((await api('/api/v1/app-conversations/search?page_id=42')).status).toBe(400);
  });

  it('lets tests move a conversation status (finished, waiting_for_confirmation, paused)', async () => {
    const [c] = server.seedConversations(1);
    const id = c?.id ?? '';
    server.setConversationStatus(id, { execution_status: 'waiting_for_confirmation' });
    expect((await api(`/api/v1/app-conversations?ids=${id}`)).json).toMatchObject([
      { sandbox_status: 'RUNNING', execution_status: 'waiting_for_confirmation' },
    ]);
    server.setConversationStatus(id, { execution_status: 'finished' });
    expect(server.getConversation(id)?.execution_status).toBe('finished');
    // The real server only reports an execution status while the sandbox runs.
    expect(server.setConversationStatus(id, { sandbox_status: 'PAUSED' })).toMatchObject({
      execution_status: null,
    });
    expect(() => server.setConversationStatus('f'.repeat(32), { sandbox_status: 'RUNNING' })).toThrow();
  });
});

describe('following up: send-message, sandbox resume and pause, pending messages', () => {
  const SEND = '/api/v1/app-conversations/{conversation_id}/send-message';
  const message = (text: string) => ({ role: 'user', content: [{ type: 'text', text }], run: true });
  const send = (id: string, body: unknown = message('Please also add a test.')) =>
    api(`/api/v1/app-conversations/${id}/send-message`, { body });
  const status = async (id: string) =>
    ((await api(`/api/v1/app-conversations?ids=${id}`)).json as AppConversation[])[0]?.sandbox_status;

  it('delivers a follow-up to a running conversation, in order, and the agent runs again', async () => {
    const [c] = server.seedConversations(1, { execution_status: 'finished' });
    const id = c?.id ?? '';

    const first = await send(id, message('First'));
    await send(id.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'), message('Second'));

    expect(first).toMatchObject({ status: 200, json: { success: true, sandbox_status: 'RUNNING' } });
    expect(cloud.validateResponse('post', SEND, 200, first.json)).toEqual([]);
    expect(server.messagesReceived(id).map((m) => [m.text, m.via, m.run])).toEqual([
      ['First', 'send-message', true],
      ['Second', 'send-message', true],
    ]);
    expect(server.getConversation(id)?.execution_status).toBe('running');
    expect(server.requests.every((r) => r.valid && r.operation === SEND)).toBe(true);
  });

  it('checks the body against AppSendMessageRequest: 422 for no content or a role other than user', async () => {
    const [c] = server.seedConversations(1);
    const id = c?.id ?? '';

    expect((await send(id, { content: [] })).status).toBe(422);
    expect((await send(id, { ...message('x'), role: 'assistant' })).status).toBe(422);
    expect((await send(id, { content: [{ type: 'text', text: 'x', extra: 1 }] })).status).toBe(422);
    expect(server.requests.map((r) => r.valid)).toEqual([false, false, false]);
    expect(server.messagesReceived(id)).toEqual([]);
  });

  it.each([
    ['PAUSED', 409],
    ['STARTING', 409],
    ['MISSING', 410],
    ['ERROR', 503],
  ] as const)(
    'refuses a follow-up while the sandbox is %s (HTTP %i) and keeps nothing',
    async (sandbox, code) => {
      const [c] = server.seedConversations(1);
      const id = c?.id ?? '';
      server.setConversationStatus(id, { sandbox_status: sandbox });

      const res = await send(id);

      expect(res.status).toBe(code);
      expect(res.json).toMatchObject({ detail: expect.any(String) });
      expect(server.messagesReceived(id)).toEqual([]);
    },
  );

  it('answers 404 for an unknown conversation and 422 for an id that is not a UUID', async () => {
    expect((await send('f'.repeat(32))).status).toBe(404);
    expect((await send('not-a-uuid')).json).toMatchObject({
      detail: [{ loc: ['path', 'conversation_id'], type: 'uuid_parsing' }],
    });
  });

  it('resumes a paused sandbox: STARTING for sandboxStartReads reads, then RUNNING', async () => {
    server.configure({ sandboxStartReads: 2 });
    const [c] = server.seedConversations(1, { sandbox_status: 'PAUSED' });
    const id = c?.id ?? '';
    const sandbox = c?.sandbox_id ?? '';

    const resumed = await api(`/api/v1/sandboxes/${sandbox}/resume`, { method: 'POST' });

    expect(resumed).toMatchObject({ status: 200, json: { success: true } });
    expect(await status(id)).toBe('STARTING');
    const read = await api(`/api/v1/sandboxes?id=${sandbox}&id=unknown-sandbox`);
    expect(cloud.validateResponse('get', '/api/v1/sandboxes', 200, read.json)).toEqual([]);
    expect(read.json).toMatchObject([{ id: sandbox, status: 'STARTING', session_api_key: null }, null]);
    expect(await status(id)).toBe('RUNNING');
    expect(server.getConversation(id)).toMatchObject({ sandbox_status: 'RUNNING', execution_status: 'idle' });
    expect((await send(id)).status).toBe(200);
  });

  it('pauses a sandbox; resume and pause of an unknown or deleted sandbox are 404', async () => {
    const [c, gone] = server.seedConversations(2);
    server.setConversationStatus(gone?.id ?? '', { sandbox_status: 'MISSING' });

    expect((await api(`/api/v1/sandboxes/${c?.sandbox_id}/pause`, { method: 'POST' })).status).toBe(200);
    expect(await status(c?.id ?? '')).toBe('PAUSED');
    expect((await api('/api/v1/sandboxes/nope/resume', { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/v1/sandboxes/${gone?.sandbox_id}/resume`, { method: 'POST' })).status).toBe(404);
    expect((await api('/api/v1/sandboxes/nope/pause', { method: 'POST' })).status).toBe(404);
  });

  it('answers the batch read and the search with what setConversationStatus set', async () => {
    const [c] = server.seedConversations(1);
    const id = c?.id ?? '';
    server.setConversationStatus(id, { execution_status: 'finished', pr_number: [12] });
    const batch = (await api(`/api/v1/app-conversations?ids=${id}`)).json as AppConversation[];
    expect(batch[0]).toMatchObject({
      sandbox_status: 'RUNNING',
      execution_status: 'finished',
      pr_number: [12],
    });
    server.setConversationStatus(id, { sandbox_status: 'PAUSED' });
    const page = (await api('/api/v1/app-conversations/search')).json as { items: AppConversation[] };
    expect(page.items[0]).toMatchObject({
      sandbox_status: 'PAUSED',
      execution_status: null,
      pr_number: [12],
    });
    expect(server.requests.every((r) => r.valid && r.responseErrors.length === 0)).toBe(true);
  });

  it('keeps a sandbox set to STARTING starting when sandboxStartReads is Infinity', async () => {
    server.configure({ sandboxStartReads: Number.POSITIVE_INFINITY });
    const [c] = server.seedConversations(1);
    server.setConversationStatus(c?.id ?? '', { sandbox_status: 'STARTING', pr_number: [12] });

    for (let i = 0; i < 5; i++) expect(await status(c?.id ?? '')).toBe('STARTING');
    expect(server.getConversation(c?.id ?? '')?.pr_number).toEqual([12]);
  });

  it('queues messages for a starting conversation under task-<id> and delivers them in order at READY', async () => {
    const task = await startTask();
    const queueId = `task-${task.id}`;
    const queue = (text: string, id = queueId) =>
      api(`/api/v1/conversations/${id}/pending-messages`, {
        body: { role: 'user', content: [{ type: 'text', text }] },
      });

    const first = await queue('Also check the docs.');
    await queue('And the changelog.');
    await queue('Lost: queued under the plain id.', task.id);

    expect(first.status).toBe(201);
    expect(
      cloud.validateResponse(
        'post',
        '/api/v1/conversations/{conversation_id}/pending-messages',
        201,
        first.json,
      ),
    ).toEqual([]);
    expect(first.json).toMatchObject({ queued: true, position: 1 });
    expect(server.pendingMessages(queueId).map((m) => m.text)).toEqual([
      'Also check the docs.',
      'And the changelog.',
    ]);

    const { task: done } = await pollUntilDone(task.id);
    const conversationId = done.app_conversation_id ?? '';
    expect(server.messagesReceived(conversationId).map((m) => [m.text, m.via])).toEqual([
      ['Also check the docs.', 'pending-messages'],
      ['And the changelog.', 'pending-messages'],
    ]);
    expect(server.pendingMessages(queueId)).toEqual([]);
    expect(server.pendingMessages(task.id)).toHaveLength(1);
  });

  it('refuses an 11th pending message (429) and a body without content (400)', async () => {
    const path = `/api/v1/conversations/task-${'a'.repeat(32)}/pending-messages`;
    const body = { content: [{ type: 'text', text: 'x' }] };
    for (let i = 1; i <= 10; i++) expect((await api(path, { body })).json).toMatchObject({ position: i });

    expect((await api(path, { body })).status).toBe(429);
    expect((await api(path, { body: { role: 'user', content: [] } })).json).toEqual({
      detail: 'content must be a non-empty list',
    });
    expect((await api(path, { body: 'not json' })).status).toBe(400);
  });

  it('has none of these routes in v0 mode', async () => {
    const own = await startOpenHandsServer({ mode: 'v0' });
    try {
      const res = await fetch(`${own.url}/api/v1/app-conversations/${'a'.repeat(32)}/send-message`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message('x')),
      });
      expect(res.status).toBe(404);
    } finally {
      await own.close();
    }
  });
});

describe('start-task search', () => {
  type TaskPage = { items: AppConversationStartTask[]; next_page_id: string | null };
  const search = async (query = '') => {
    const res = await api(`/api/v1/app-conversations/start-tasks/search${query}`);
    expect(res.status).toBe(200);
    expect(
      cloud.validateResponse('get', '/api/v1/app-conversations/start-tasks/search', 200, res.json),
    ).toEqual([]);
    return res.json as TaskPage;
  };

  it('lists starts newest first by default, or in the sort order asked for, page by page', async () => {
    const first = await startTask({ ...START_BODY, title: 'first' });
    const second = await startTask({ ...START_BODY, title: 'second' });
    await poll(first.id);

    expect((await search()).items.map((t) => t.id)).toEqual([second.id, first.id]);
    expect((await search('?sort_order=CREATED_AT')).items.map((t) => t.id)).toEqual([first.id, second.id]);
    expect((await search('?sort_order=UPDATED_AT_DESC')).items.map((t) => t.id)).toEqual([
      first.id,
      second.id,
    ]);
    const page = await search('?limit=1');
    expect(page.items.map((t) => t.id)).toEqual([second.id]);
    const rest = await search(`?limit=1&page_id=${encodeURIComponent(page.next_page_id ?? '')}`);
    expect(rest).toEqual({ items: [expect.objectContaining({ id: first.id })], next_page_id: null });
  });

  it('filters by created_at__gte and conversation_id__eq', async () => {
    const old = await startTask();
    await new Promise((r) => setTimeout(r, 5));
    const since = new Date().toISOString();
    const recent = await startTask();
    const { task: ready } = await pollUntilDone(recent.id);

    expect((await search(`?created_at__gte=${since}`)).items.map((t) => t.id)).toEqual([recent.id]);
    const byConversation = await search(`?conversation_id__eq=${ready.app_conversation_id}`);
    expect(byConversation.items.map((t) => t.id)).toEqual([recent.id]);
    expect((await search()).items.map((t) => t.id)).toContain(old.id);
  });

  it('checks its query against the spec: 422 for an unknown sort order or a date that is not one', async () => {
    expect((await api('/api/v1/app-conversations/start-tasks/search?sort_order=NEWEST')).status).toBe(422);
    expect((await api('/api/v1/app-conversations/start-tasks/search?created_at__gte=soon')).status).toBe(422);
    expect(server.requests.map((r) => r.valid)).toEqual([false, false]);
  });
});

describe('auth and modes', () => {
  it('cloud: Bearer (or X-Session-API-Key / X-Access-Token) required; config is public', async () => {
    const missing = await api('/api/v1/app-conversations/search', { auth: false });
    expect(missing).toMatchObject({ status: 401, json: { error: 'failed to authenticate' } });
    const wrong = await api('/api/v1/app-conversations/search', {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.status).toBe(401);
    for (const header of ['x-session-api-key', 'x-access-token']) {
      expect(
        (await api('/api/v1/app-conversations/search', { auth: false, headers: { [header]: KEY } })).status,
      ).toBe(200);
    }
    const config = await api('/api/v1/web-client/config', { auth: false });
    expect(config.status).toBe(200);
    expect(config.json).toMatchObject({ app_mode: 'saas', feature_flags: { deployment_mode: 'cloud' } });
    expect(cloud.validateResponse('get', '/api/v1/web-client/config', 200, config.json)).toEqual([]);
    const key = await api('/api/keys/current');
    expect(key.status).toBe(200);
    expect(cloud.validateComponent('CurrentApiKeyResponse', key.json)).toEqual([]);
    expect((await api('/api/keys/current', { auth: false })).status).toBe(401);
  });

  it('oss: X-Session-API-Key when a key is set, nothing when not; no SaaS routes', async () => {
    server.configure({ mode: 'oss', apiKey: 'session-key' });
    const bearer = await api('/api/v1/app-conversations/search', {
      headers: { authorization: 'Bearer session-key' },
    });
    expect(bearer).toMatchObject({ status: 401, json: { detail: 'Unauthorized' } });
    const session = await api('/api/v1/app-conversations/search', {
      auth: false,
      headers: { 'x-session-api-key': 'session-key' },
    });
    expect(session.status).toBe(200);
    expect((await api('/api/v1/web-client/config', { auth: false })).json).toMatchObject({ app_mode: 'oss' });
    expect((await api('/api/keys/current', { headers: { 'x-session-api-key': 'session-key' } })).status).toBe(
      404,
    );

    server.configure({ apiKey: null });
    const task = await startTask();
    expect(task.created_by_user_id).toBeNull();
  });

  it('reset() restores the initial options', async () => {
    server.configure({ mode: 'v0', apiKey: null, delayMs: 5 });
    server.reset();
    expect(server.options).toMatchObject({ mode: 'cloud', apiKey: KEY, delayMs: 0, stepsPerPoll: 1 });
  });

  it('v0: V1 answers 404; the legacy start, get and list work; unknown fields are 422', async () => {
    server.configure({ mode: 'v0', apiKey: null });
    expect(await api('/api/v1/web-client/config')).toMatchObject({
      status: 404,
      json: { detail: 'Not Found' },
    });
    expect((await api('/api/v1/app-conversations', { body: START_BODY })).status).toBe(404);

    const started = await api('/api/conversations', {
      body: {
        initial_user_msg: 'Fix #42',
        repository: 'octo/repo',
        git_provider: 'github',
        selected_branch: 'main',
      },
    });
    expect(started.status).toBe(200);
    expect(v0.validateResponse('post', '/api/conversations', 200, started.json)).toEqual([]);
    const { conversation_id: id, ...rest } = started.json as { conversation_id: string };
    expect(id).toMatch(HEX32);
    expect(rest).toEqual({ status: 'ok', message: null, conversation_status: 'STARTING' });

    const got = await api(`/api/conversations/${id}`);
    expect(v0.validateResponse('get', '/api/conversations/{conversation_id}', 200, got.json)).toEqual([]);
    expect(got.json).toMatchObject({
      conversation_id: id,
      status: 'RUNNING',
      selected_repository: 'octo/repo',
    });
    expect((await api(`/api/conversations/${'e'.repeat(32)}`)).text).toBe('null');

    server.seedConversations(3);
    const list = await api('/api/conversations?limit=2');
    expect(v0.validateResponse('get', '/api/conversations', 200, list.json)).toEqual([]);
    const page = list.json as { results: { conversation_id: string }[]; next_page_id: string | null };
    expect(page.results).toHaveLength(2);
    expect(page.next_page_id).toBeTruthy();
    const rest2 = await api(`/api/conversations?limit=2&page_id=${page.next_page_id}`);
    expect((rest2.json as { results: { conversation_id: string }[] }).results.at(-1)?.conversation_id).toBe(
      id,
    );

    const extra = await api('/api/conversations', {
      body: { initial_user_msg: 'hi', selected_repository: 'o/r' },
    });
    expect(extra.status).toBe(422);
    expect(extra.json).toMatchObject({
      detail: [{ loc: ['body', 'selected_repository'], type: 'extra_forbidden' }],
    });
    expect(server.requests.at(-1)?.valid).toBe(false);

    server.configure({ apiKey: 'legacy' });
    expect((await api('/api/conversations')).status).toBe(401);
    expect((await api('/api/conversations', { headers: { 'x-session-api-key': 'legacy' } })).status).toBe(
      200,
    );
  });

  it('answers unknown routes 404, wrong methods 405 and preflights 204', async () => {
    expect(await api('/api/v1/nope')).toMatchObject({ status: 404, json: { detail: 'Not Found' } });
    expect((await api('/api/v1/app-conversations/search', { method: 'DELETE' })).status).toBe(405);
    expect((await api('/api/v1/app-conversations', { method: 'OPTIONS' })).status).toBe(204);
    expect((await api('/api/conversations')).status).toBe(404); // Cloud has no V0 routes
  });
});

describe('failure injection', () => {
  const cases = [
    { kind: 'unauthorized', status: 401, json: { error: 'failed to authenticate' } },
    { kind: 'forbidden', status: 403, json: { error: 'EmailNotVerifiedError' } },
    { kind: 'rate_limited', status: 429, json: { error: 'Rate limit exceeded: 10 per 1 second' } },
    {
      kind: 'concurrency_limit',
      status: 429,
      json: {
        detail: {
          error: 'CONCURRENCY_LIMIT_REACHED',
          message: 'Maximum concurrent conversations reached',
          limit: 3,
          current: 3,
        },
      },
    },
    { kind: 'server_error', status: 500, json: { detail: 'Internal Server Error' } },
    { kind: 'service_unavailable', status: 503, json: { detail: 'Agent server is not available' } },
    { kind: 'malformed', status: 200, json: { unexpected: true } },
  ] as const;

  for (const { kind, status, json } of cases) {
    it(`${kind} → ${status}, once`, async () => {
      server.failNext(kind);
      const failed = await api('/api/v1/app-conversations', { body: START_BODY });
      expect(failed).toMatchObject({ status, json });
      expect(failed.headers.get('content-type')).toBe('application/json');
      expect(server.requests[0]).toMatchObject({ failure: kind, valid: true, status });
      expect((await api('/api/v1/app-conversations', { body: START_BODY })).status).toBe(200);
    });
  }

  it('rate_limited sends Retry-After (default 7, or as given) and X-RateLimit-* headers', async () => {
    server.failNext('rate_limited');
    server.failNext({ kind: 'rate_limited', retryAfter: 2 });
    const first = await api('/api/v1/app-conversations/search');
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.headers.get('x-ratelimit-limit')).toBe('10');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect((await api('/api/v1/app-conversations/search')).headers.get('retry-after')).toBe('2');
  });

  it('validation → 422 with a FastAPI detail array', async () => {
    server.failNext('validation');
    const res = await api('/api/v1/app-conversations', { body: START_BODY });
    expect(res.status).toBe(422);
    expect(cloud.validateComponent('HTTPValidationError', res.json)).toEqual([]);
    expect((res.json as { detail: unknown[] }).detail).toHaveLength(1);
  });

  it('server_error_html → 502 HTML; not_json → 200 text/plain', async () => {
    server.failNext('server_error_html');
    server.failNext('not_json');
    const html = await api('/api/v1/app-conversations/search');
    expect(html).toMatchObject({ status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
    expect(html.headers.get('content-type')).toBe('text/html');
    const text = await api('/api/v1/app-conversations/search');
    expect(text.status).toBe(200);
    expect(text.json).toBeUndefined();
    expect(text.headers.get('content-type')).toBe('text/plain');
  });

  it('matches a path prefix and method, and counts', async () => {
    server.failNext({ kind: 'server_error', path: '/api/v1/app-conversations/start-tasks' }, 2);
    server.failNext({ kind: 'forbidden', method: 'POST' });
    expect((await api('/api/v1/web-client/config')).status).toBe(200);
    expect((await api(`/api/v1/app-conversations/start-tasks?ids=${'a'.repeat(32)}`)).status).toBe(500);
    expect((await api(`/api/v1/app-conversations/start-tasks?ids=${'a'.repeat(32)}`)).status).toBe(500);
    expect((await api(`/api/v1/app-conversations/start-tasks?ids=${'a'.repeat(32)}`)).status).toBe(200);
    expect((await api('/api/v1/app-conversations/search')).status).toBe(200);
    expect((await api('/api/v1/app-conversations', { body: START_BODY })).status).toBe(403);
  });

  it('disconnect → the client sees a network error', async () => {
    server.failNext('disconnect');
    await expect(api('/api/v1/app-conversations/search')).rejects.toThrow(TypeError);
    expect(server.requests[0]?.failure).toBe('disconnect');
    expect((await api('/api/v1/app-conversations/search')).status).toBe(200);
  });

  it('timeout → never answers, and close() still returns quickly', async () => {
    const own = await startOpenHandsServer();
    own.failNext('timeout');
    const pending = fetch(`${own.url}/api/v1/web-client/config`).then(
      () => 'answered',
      () => 'network error',
    );
    const raced = await Promise.race([
      pending,
      new Promise((r) => setTimeout(() => r('still waiting'), 150)),
    ]);
    expect(raced).toBe('still waiting');
    expect(own.requests[0]?.failure).toBe('timeout');
    const began = Date.now();
    await own.close();
    expect(Date.now() - began).toBeLessThan(1000);
    expect(await pending).toBe('network error');
  });

  it('timeout_after_handling → the start is created, but its answer never comes', async () => {
    server.failNext({ kind: 'timeout_after_handling', method: 'POST' });
    const lost = await fetch(`${server.url}/api/v1/app-conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(START_BODY),
      signal: AbortSignal.timeout(200),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(lost).toBe('TimeoutError');
    expect(server.requests[0]).toMatchObject({ failure: 'timeout_after_handling', valid: true });
    expect(server.requests[0]?.status).toBeUndefined();
    const { items } = (await api('/api/v1/app-conversations/start-tasks/search')).json as {
      items: AppConversationStartTask[];
    };
    expect(items.map((t) => [t.status, t.request.title])).toEqual([['WORKING', START_BODY.title]]);
  });

  it('timeout_after_handling still checks the key: a rejected start creates nothing', async () => {
    server.failNext({ kind: 'timeout_after_handling', method: 'POST' });
    const lost = await fetch(`${server.url}/api/v1/app-conversations`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong-key', 'content-type': 'application/json' },
      body: JSON.stringify(START_BODY),
      signal: AbortSignal.timeout(200),
    }).then(
      () => 'answered',
      (error: Error) => error.name,
    );
    expect(lost).toBe('TimeoutError');
    expect(
      ((await api('/api/v1/app-conversations/start-tasks/search')).json as { items: unknown[] }).items,
    ).toEqual([]);
  });

  it('delayMs slows every answer', async () => {
    server.configure({ delayMs: 60 });
    const began = Date.now();
    await api('/api/v1/web-client/config');
    expect(Date.now() - began).toBeGreaterThanOrEqual(55);
  });
});

describe('the response schemas are really enforced', () => {
  it('flags answers that break the spec', () => {
    expect(
      cloud.validateResponse('get', '/api/v1/app-conversations/search', 200, { unexpected: true }),
    ).toEqual(['items: Field required']);
    const errors = cloud.validateComponent('AppConversation', { id: 'x' });
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringContaining('sandbox_id'), expect.stringContaining('acp_server')]),
    );
    expect(() => cloud.validateComponent('NoSuchSchema', {})).toThrow();
  });
});
