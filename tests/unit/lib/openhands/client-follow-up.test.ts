// @vitest-environment node

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toStartRequestV1 } from '@/lib/conversations/start-request';
import { OpenHandsError } from '@/lib/errors/error';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { testKey } from '../../../support/api-key';
import {
  getValidator,
  MAX_PENDING_MESSAGES,
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../support/origin';
import { issueInput } from './helpers/fixtures';

/** The follow-up calls of the real client against the local stand-in, which checks them against the spec. */

const KEY = 'follow-up-key';
const cloud = getValidator('cloud');
let server: OpenHandsTestServer;
const client = () =>
  createOpenHandsClient({ baseUrl: testOrigin(server.url), auth: { kind: 'bearer', key: testKey(KEY) } });

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<OpenHandsError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenHandsError);
  return error as OpenHandsError;
}

beforeAll(async () => {
  server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
});
afterEach(() => {
  const broken = server.requests.filter((r) => !r.valid);
  server.reset();
  expect(broken.map((r) => `${r.method} ${r.path}: ${r.validationErrors.join('; ')}`)).toEqual([]);
});
afterAll(() => server.close());

describe('sendMessage', () => {
  it('should post an AppSendMessageRequest that holds the text and runs the agent', async () => {
    const [conversation] = server.seedConversations(1, { execution_status: 'finished' });
    const id = conversation?.id ?? '';

    const answer = await client().sendMessage(id, 'Please also cover the empty case.');

    const sent = server.requests.at(-1);
    expect(answer).toMatchObject({ success: true, sandbox_status: 'RUNNING' });
    expect(sent?.path).toBe(`/api/v1/app-conversations/${id}/send-message`);
    expect(cloud.validateComponent('AppSendMessageRequest', sent?.body)).toEqual([]);
    expect(sent?.body).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Please also cover the empty case.' }],
      run: true,
    });
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual(['Please also cover the empty case.']);
  });

  it.each([
    ['PAUSED', 'sandbox_not_running', 409],
    ['STARTING', 'sandbox_not_running', 409],
    ['MISSING', 'conversation_archived', 410],
    ['ERROR', 'agent_unavailable', 503],
  ] as const)('should name a %s sandbox’s refusal %s', async (sandbox, code, status) => {
    const [conversation] = server.seedConversations(1);
    server.setConversationStatus(conversation?.id ?? '', { sandbox_status: sandbox });

    const error = await failure(client().sendMessage(conversation?.id ?? '', 'Hello'));

    expect(error).toMatchObject({ code, status });
  });

  it('should say that nothing was sent when the agent server is down (503)', async () => {
    const [conversation] = server.seedConversations(1);
    server.failNext({ kind: 'service_unavailable', path: '/api/v1/app-conversations/' });

    const error = await failure(client().sendMessage(conversation?.id ?? '', 'Hello'));

    expect(error.code).toBe('agent_unavailable');
    expect(error.message).toContain('OpenHands is not available for this conversation right now');
    expect(error.message).toContain('your message was not sent');
  });

  it('should keep the general meaning of other failures (404, 500)', async () => {
    expect((await failure(client().sendMessage('f'.repeat(32), 'Hello'))).code).toBe('not_found');
    const [conversation] = server.seedConversations(1);
    server.failNext('server_error');
    expect((await failure(client().sendMessage(conversation?.id ?? '', 'Hello'))).code).toBe('server_error');
  });
});

describe('resumeSandbox', () => {
  it('should resume a paused sandbox, which then starts', async () => {
    const [conversation] = server.seedConversations(1, { sandbox_status: 'PAUSED' });

    expect(await client().resumeSandbox(conversation?.sandbox_id ?? '')).toMatchObject({ success: true });
    expect(server.getConversation(conversation?.id ?? '')?.sandbox_status).toBe('STARTING');
  });

  it('should report an unknown sandbox as not found', async () => {
    expect((await failure(client().resumeSandbox('no-such-sandbox'))).code).toBe('not_found');
  });
});

describe('queuePendingMessage', () => {
  it('should queue under task-<hex id>, the form the server delivers at READY', async () => {
    const task = await client().startConversation(toStartRequestV1(issueInput));
    const dashed = `${task.id.slice(0, 8)}-${task.id.slice(8, 12)}-${task.id.slice(12, 16)}-${task.id.slice(16, 20)}-${task.id.slice(20)}`;

    const queued = await client().queuePendingMessage(dashed.toUpperCase(), 'Also update the changelog.');

    expect(queued).toMatchObject({ queued: true, position: 1 });
    expect(server.requests.at(-1)?.path).toBe(`/api/v1/conversations/task-${task.id}/pending-messages`);
    expect(server.requests.at(-1)?.body).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Also update the changelog.' }],
    });
    expect(server.pendingMessages(`task-${task.id}`).map((m) => m.text)).toEqual([
      'Also update the changelog.',
    ]);
  });

  it('should name a full queue, and keep Cloud’s request-rate limit a rate limit', async () => {
    const taskId = 'b'.repeat(32);
    for (let i = 0; i < MAX_PENDING_MESSAGES; i++) await client().queuePendingMessage(taskId, `Message ${i}`);

    const full = await failure(client().queuePendingMessage(taskId, 'One too many'));
    server.failNext('rate_limited');
    const limited = await failure(client().queuePendingMessage('c'.repeat(32), 'Hello'));

    expect(full.code).toBe('pending_queue_full');
    expect(full.message).toContain('your message was not sent');
    expect(limited.code).toBe('rate_limited');
  });
});
