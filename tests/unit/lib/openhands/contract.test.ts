// @vitest-environment node

import { describe, expect, it } from 'vitest';
import { toStartRequestV0, toStartRequestV1 } from '@/lib/conversations/start-request';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { json, type RecordedRequest, recordingFetch } from './helpers/fake-fetch';
import {
  appConversation,
  CONVERSATION_ID,
  conversationInfoV0,
  conversationResponseV0,
  currentApiKey,
  issueInput,
  minimalInput,
  noRepositoryInput,
  prInput,
  startTask,
  TASK_ID,
  webClientConfig,
} from './helpers/fixtures';
import { SpecValidator } from './helpers/openapi';

/*
 * The OpenAPI files are the contract. Every request the client sends is checked against them (path, query,
 * body), and every fixture the unit tests answer with is checked too, so the fakes can't drift from reality.
 */

const cloud = new SpecValidator('openhands-cloud.json');
const v0 = new SpecValidator('V0_openapi.json');

/** A fake server answering each route with a spec-shaped fixture. */
function fakeServer(req: RecordedRequest): Response {
  const { pathname } = req.url;
  const ids = req.url.searchParams.getAll('ids');
  if (pathname === '/api/v1/web-client/config') return json(webClientConfig);
  if (pathname === '/api/keys/current') return json(currentApiKey);
  if (pathname === '/api/v1/app-conversations' && req.method === 'POST') return json(startTask());
  if (pathname === '/api/v1/app-conversations/start-tasks') return json(ids.map((id) => startTask({ id })));
  if (pathname === '/api/v1/app-conversations/start-tasks/search')
    return json({ items: [startTask()], next_page_id: null });
  if (pathname === '/api/v1/app-conversations') return json(ids.map((id) => appConversation({ id })));
  if (pathname === '/api/v1/app-conversations/search')
    return json({ items: [appConversation()], next_page_id: 'p2' });
  if (pathname === '/api/conversations' && req.method === 'POST') return json(conversationResponseV0);
  if (pathname === '/api/conversations') return json({ results: [conversationInfoV0()], next_page_id: null });
  if (pathname.startsWith('/api/conversations/')) return json(conversationInfoV0());
  return json({ detail: 'Not Found' }, 404);
}

/** Runs `call` against the fake server and returns what the client sent. */
async function sent(call: (client: ReturnType<typeof createOpenHandsClient>) => Promise<unknown>) {
  const { fetch, calls } = recordingFetch(fakeServer);
  const client = createOpenHandsClient({
    baseUrl: testOrigin('https://app.all-hands.dev/'),
    auth: { kind: 'bearer', key: testKey('sk-test-123456') },
    fetch,
  });
  await call(client);
  return calls;
}

/** Every problem the spec finds with a request, as readable lines. */
function problems(spec: SpecValidator, req: RecordedRequest): string[] {
  return [
    ...spec.validateQuery(req.method, req.url.pathname, req.url.searchParams),
    ...spec.validateBody(req.method, req.url.pathname, req.body),
  ];
}

describe('client requests match the OpenAPI contract', () => {
  const v1Cases: [string, Parameters<typeof sent>[0]][] = [
    ['getWebClientConfig', (c) => c.getWebClientConfig()],
    ['getCurrentApiKey', (c) => c.getCurrentApiKey()],
    ['startConversation (issue)', (c) => c.startConversation(toStartRequestV1(issueInput))],
    ['startConversation (PR)', (c) => c.startConversation(toStartRequestV1(prInput))],
    ['startConversation (minimal)', (c) => c.startConversation(toStartRequestV1(minimalInput))],
    ['startConversation (no repository)', (c) => c.startConversation(toStartRequestV1(noRepositoryInput))],
    [
      'getStartTasks (dashless and dashed ids)',
      (c) => c.getStartTasks([TASK_ID, '550e8400-e29b-41d4-a716-446655440000']),
    ],
    [
      'getConversations',
      (c) => c.getConversations([CONVERSATION_ID, 'AAAAAAAA-0000-4000-8000-000000000000']),
    ],
    ['searchStartTasks (defaults)', (c) => c.searchStartTasks()],
    [
      'searchStartTasks (recent, page)',
      (c) => c.searchStartTasks({ createdSince: new Date('2026-11-28T10:00:00Z'), limit: 5, pageId: 'p2' }),
    ],
    ['searchConversations (defaults)', (c) => c.searchConversations()],
    ['searchConversations (page)', (c) => c.searchConversations({ limit: 5, pageId: 'p2' })],
  ];

  it.each(v1Cases)('should send a valid V1 request for %s', async (_name, call) => {
    const calls = await sent(call);

    expect(calls.length).toBeGreaterThan(0);
    for (const req of calls) expect(problems(cloud, req), `${req.method} ${req.url}`).toEqual([]);
  });

  const v0Cases: [string, Parameters<typeof sent>[0]][] = [
    ['startConversationV0 (issue)', (c) => c.startConversationV0(toStartRequestV0(issueInput))],
    ['startConversationV0 (PR)', (c) => c.startConversationV0(toStartRequestV0(prInput))],
    ['startConversationV0 (minimal)', (c) => c.startConversationV0(toStartRequestV0(minimalInput))],
    [
      'startConversationV0 (no repository)',
      (c) => c.startConversationV0(toStartRequestV0(noRepositoryInput)),
    ],
    ['listConversationsV0', (c) => c.listConversationsV0({ limit: 1 })],
    ['listConversationsV0 (page)', (c) => c.listConversationsV0({ pageId: 'abc' })],
    ['getConversationV0', (c) => c.getConversationV0(CONVERSATION_ID)],
  ];

  it.each(v0Cases)('should send a valid V0 request for %s', async (_name, call) => {
    const calls = await sent(call);

    expect(calls.length).toBeGreaterThan(0);
    for (const req of calls) expect(problems(v0, req), `${req.method} ${req.url}`).toEqual([]);
  });

  it('should send only keys that AppConversationStartRequest-Input declares', async () => {
    const allowed = cloud.properties('AppConversationStartRequest-Input');

    for (const input of [issueInput, prInput, minimalInput]) {
      const [req] = await sent((c) => c.startConversation(toStartRequestV1(input)));
      const actual = Object.keys(req?.body as object).filter((key) => !allowed.includes(key));
      expect(actual).toEqual([]);
    }
  });

  it('should catch a body the spec rejects (the check itself works)', () => {
    const req = { method: 'POST', url: new URL('https://x.test/api/conversations'), body: { title: 'x' } };

    const actual = v0.validateBody(req.method, req.url.pathname, req.body);

    expect(actual.join('\n')).toMatch(/additional/);
  });

  it('should need dashed start-task ids, which is why the client sends them (format: uuid)', () => {
    const dashless = new URLSearchParams({ ids: TASK_ID });

    const actual = cloud.validateQuery('GET', '/api/v1/app-conversations/start-tasks', dashless);

    expect(actual.join('\n')).toMatch(/uuid/);
  });

  it('should catch a query the spec rejects (the check itself works)', () => {
    const actual = cloud.validateQuery(
      'GET',
      '/api/v1/app-conversations/search',
      new URLSearchParams('limit=0&x=1'),
    );

    expect(actual).toEqual(
      expect.arrayContaining(['unknown query parameter x', expect.stringMatching(/^limit:/)]),
    );
  });
});

describe('test fixtures match the OpenAPI contract', () => {
  const cases: [SpecValidator, string, string, unknown][] = [
    [cloud, 'GET', '/api/v1/web-client/config', webClientConfig],
    [cloud, 'GET', '/api/keys/current', currentApiKey],
    [cloud, 'POST', '/api/v1/app-conversations', startTask()],
    [cloud, 'GET', '/api/v1/app-conversations/start-tasks', [startTask({ status: 'READY' }), null]],
    [cloud, 'GET', '/api/v1/app-conversations', [appConversation(), null]],
    [
      cloud,
      'GET',
      '/api/v1/app-conversations/start-tasks/search',
      { items: [startTask()], next_page_id: null },
    ],
    [cloud, 'GET', '/api/v1/app-conversations/search', { items: [appConversation()], next_page_id: null }],
    [v0, 'POST', '/api/conversations', conversationResponseV0],
    [v0, 'GET', '/api/conversations', { results: [conversationInfoV0()], next_page_id: null }],
    [v0, 'GET', `/api/conversations/${CONVERSATION_ID}`, conversationInfoV0()],
    [v0, 'GET', `/api/conversations/${CONVERSATION_ID}`, null],
  ];

  it.each(cases)('should be a valid response (%#: %s %s)', (spec, method, pathname, body) => {
    expect(spec.validateResponse(method, pathname, 200, body)).toEqual([]);
  });
});
