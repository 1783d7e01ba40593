// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliveryDeps,
  deliverFollowUp,
  SANDBOX_POLL_MS,
  SANDBOX_WAIT_MS,
} from '@/lib/background/follow-ups/deliver';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import { OpenHandsError } from '@/lib/errors/error';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { testKey } from '../../../../support/api-key';
import {
  getValidator,
  type OpenHandsTestServer,
  type RecordedRequest,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { issueInput } from '../../openhands/helpers/fixtures';

/*
 * Every way a follow-up can go, with the real client against the local OpenHands stand-in (which checks each
 * request against the OpenAPI file and moves sandboxes through their states). Only time is fake: waiting for a
 * sandbox advances a clock instead of sleeping.
 */

const KEY = 'deliver-key';
const TEXT = 'Please also handle the empty list.';
const cloud = getValidator('cloud');
let server: OpenHandsTestServer;

/**
 * A run of `deliverFollowUp`: the stages it reported, and its dependencies. `beforeRequest` runs as each
 * request leaves, to change the server under the client's feet (Cloud pausing a sandbox between two calls).
 */
function harness(beforeRequest: (method: string, path: string) => void = () => {}) {
  const stages: FollowUpStage[] = [];
  let clock = Date.parse('2026-11-28T10:00:00Z');
  const fetch: typeof globalThis.fetch = (input, init) => {
    beforeRequest((init?.method ?? 'GET').toUpperCase(), new URL(String(input)).pathname);
    return globalThis.fetch(input, init);
  };
  const deps: DeliveryDeps = {
    client: createOpenHandsClient({
      baseUrl: testOrigin(server.url),
      auth: { kind: 'bearer', key: testKey(KEY) },
      fetch,
    }),
    onStage: (stage) => stages.push(stage),
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
  };
  return { deps, stages };
}

/** What the client asked, as `METHOD path` lines, in order. */
const calls = () => server.requests.map((r) => `${r.method} ${r.path}`);
const sends = () => server.requests.filter((r) => r.path.endsWith('/send-message'));
const resumes = () => server.requests.filter((r) => r.path.endsWith('/resume'));

function expectValidFollowUp(request: RecordedRequest | undefined) {
  expect(cloud.validateComponent('AppSendMessageRequest', request?.body)).toEqual([]);
  expect(request?.body).toMatchObject({ content: [{ type: 'text', text: TEXT }] });
}

async function failure(promise: Promise<unknown>): Promise<OpenHandsError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenHandsError);
  return error as OpenHandsError;
}

/** A conversation as the extension knows it once its start is READY. */
function seeded(patch: Parameters<OpenHandsTestServer['setConversationStatus']>[1] = {}) {
  const [conversation] = server.seedConversations(1, { execution_status: 'finished' });
  const id = conversation?.id ?? '';
  server.setConversationStatus(id, patch);
  return { id, sandboxId: conversation?.sandbox_id ?? '', target: { taskId: null, conversationId: id } };
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

describe('a follow-up to a running conversation', () => {
  it('should go out with send-message, holding the text, and reach the agent', async () => {
    const { id, target } = seeded();
    const { deps, stages } = harness();

    const delivery = await deliverFollowUp(target, TEXT, deps);

    expect(delivery).toEqual({ kind: 'sent', conversationId: id });
    expect(stages).toEqual(['checking', 'sending']);
    expect(calls()).toEqual([
      'GET /api/v1/app-conversations',
      `POST /api/v1/app-conversations/${id}/send-message`,
    ]);
    expectValidFollowUp(sends()[0]);
    expect(server.messagesReceived(id).map((m) => [m.text, m.via])).toEqual([[TEXT, 'send-message']]);
  });
});

describe('a follow-up to a paused conversation', () => {
  it('should resume the sandbox, wait until it runs, then send, in that order', async () => {
    server.configure({ sandboxStartReads: 2 });
    const { id, sandboxId, target } = seeded({ sandbox_status: 'PAUSED' });
    const { deps, stages } = harness();

    const delivery = await deliverFollowUp(target, TEXT, deps);

    expect(delivery).toEqual({ kind: 'sent', conversationId: id });
    expect(calls()).toEqual([
      'GET /api/v1/app-conversations',
      `POST /api/v1/sandboxes/${sandboxId}/resume`,
      'GET /api/v1/app-conversations',
      'GET /api/v1/app-conversations',
      'GET /api/v1/app-conversations',
      `POST /api/v1/app-conversations/${id}/send-message`,
    ]);
    expect(stages).toEqual([
      'checking',
      'resuming',
      'waiting_for_sandbox',
      'waiting_for_sandbox',
      'waiting_for_sandbox',
      'sending',
    ]);
    expectValidFollowUp(sends()[0]);
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });

  it('should wait for a sandbox that is already starting, without resuming it', async () => {
    const { id, target } = seeded({ sandbox_status: 'STARTING' });
    const { deps } = harness();

    expect(await deliverFollowUp(target, TEXT, deps)).toEqual({ kind: 'sent', conversationId: id });
    expect(resumes()).toHaveLength(0);
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });

  it('should give up after two minutes of waiting, having sent nothing', async () => {
    server.configure({ sandboxStartReads: Number.POSITIVE_INFINITY });
    const { id, target } = seeded({ sandbox_status: 'PAUSED' });
    const { deps, stages } = harness();

    const error = await failure(deliverFollowUp(target, TEXT, deps));

    expect(error.code).toBe('sandbox_start_timeout');
    expect(error.message).toBe(
      'The sandbox did not start within 2 minutes — your message was not sent. Try again, or open the conversation in OpenHands.',
    );
    const reads = server.requests.filter((r) => r.method === 'GET').length - 1;
    expect(reads).toBe(SANDBOX_WAIT_MS / SANDBOX_POLL_MS);
    expect(stages.filter((s) => s === 'waiting_for_sandbox')).toHaveLength(reads);
    expect(sends()).toHaveLength(0);
    expect(server.messagesReceived(id)).toEqual([]);
  });
});

describe('a follow-up to a conversation still starting', () => {
  it('should queue it as a pending message under the start task’s id, delivered when it is ready', async () => {
    const task = await deps().client.startConversation(issueInput);
    server.requests.length = 0;
    const { deps: run, stages } = harness();

    const delivery = await deliverFollowUp({ taskId: task.id, conversationId: null }, TEXT, run);

    expect(delivery).toEqual({ kind: 'queued', position: 1 });
    expect(stages).toEqual(['checking', 'queueing']);
    expect(calls()).toEqual([
      'GET /api/v1/app-conversations/start-tasks',
      `POST /api/v1/conversations/task-${task.id}/pending-messages`,
    ]);
    expect(sends()).toHaveLength(0);
    let conversationId = '';
    for (let poll = 0; poll < 20 && !conversationId; poll++)
      conversationId = (await run.client.getStartTasks([task.id]))[0]?.app_conversation_id ?? '';
    expect(server.messagesReceived(conversationId).map((m) => [m.text, m.via])).toEqual([
      [TEXT, 'pending-messages'],
    ]);
  });

  it('should use send-message once the start is READY', async () => {
    server.configure({ stepsPerPoll: 100 });
    const task = await deps().client.startConversation(issueInput);
    const [ready] = await deps().client.getStartTasks([task.id]);
    const { deps: run } = harness();

    const delivery = await deliverFollowUp({ taskId: task.id, conversationId: null }, TEXT, run);

    const conversationId = ready?.app_conversation_id ?? '';
    expect(delivery).toEqual({ kind: 'sent', conversationId });
    expect(server.pendingMessages(`task-${task.id}`)).toEqual([]);
    expect(server.messagesReceived(conversationId).map((m) => [m.text, m.via])).toEqual([
      [TEXT, 'send-message'],
    ]);
  });

  it('should refuse a start that failed, or one the server no longer knows', async () => {
    server.configure({ stepsPerPoll: 100, finalStartStatus: 'ERROR', errorDetail: 'Repository not found' });
    const task = await deps().client.startConversation(issueInput);
    await deps().client.getStartTasks([task.id]);

    const failed = await failure(
      deliverFollowUp({ taskId: task.id, conversationId: null }, TEXT, harness().deps),
    );
    const gone = await failure(
      deliverFollowUp({ taskId: 'd'.repeat(32), conversationId: null }, TEXT, harness().deps),
    );

    expect(failed).toMatchObject({ code: 'start_failed' });
    expect(failed.message).toContain('Repository not found');
    expect(gone).toMatchObject({ code: 'not_found' });
    expect(server.requests.filter((r) => r.path.endsWith('/pending-messages'))).toHaveLength(0);
  });
});

describe('when the sandbox stops between the status read and the send (409)', () => {
  it('should resume and send once more', async () => {
    const { id, sandboxId, target } = seeded();
    let paused = false;
    // Cloud pauses the sandbox just after it was read as running.
    const { deps, stages } = harness((method, path) => {
      if (method === 'POST' && path.endsWith('/send-message') && !paused) {
        paused = true;
        server.setConversationStatus(id, { sandbox_status: 'PAUSED' });
      }
    });

    const delivery = await deliverFollowUp(target, TEXT, deps);

    expect(delivery).toEqual({ kind: 'sent', conversationId: id });
    expect(sends().map((r) => r.status)).toEqual([409, 200]);
    expect(calls().indexOf(`POST /api/v1/sandboxes/${sandboxId}/resume`)).toBeGreaterThan(
      calls().indexOf(`POST /api/v1/app-conversations/${id}/send-message`),
    );
    // With the stand-in's default, a resumed sandbox reads STARTING once, then RUNNING.
    expect(stages).toEqual([
      'checking',
      'sending',
      'resuming',
      'waiting_for_sandbox',
      'waiting_for_sandbox',
      'sending',
    ]);
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });

  it('should retry only once: a second 409 is an error and nothing was sent', async () => {
    const { id, target } = seeded();
    const { deps } = harness((method, path) => {
      if (method === 'POST' && path.endsWith('/send-message'))
        server.setConversationStatus(id, { sandbox_status: 'PAUSED' });
    });

    const error = await failure(deliverFollowUp(target, TEXT, deps));

    expect(error.code).toBe('sandbox_not_running');
    expect(sends().map((r) => r.status)).toEqual([409, 409]);
    expect(resumes()).toHaveLength(1);
    expect(server.messagesReceived(id)).toEqual([]);
  });
});

describe('a follow-up to an archived conversation (410)', () => {
  it('should end as archived, having sent nothing', async () => {
    const { id, target } = seeded({ sandbox_status: 'MISSING' });
    const { deps, stages } = harness();

    const delivery = await deliverFollowUp(target, TEXT, deps);

    expect(delivery).toEqual({ kind: 'archived', conversationId: id });
    expect(sends().map((r) => r.status)).toEqual([410]);
    expect(stages).toEqual(['checking', 'sending']);
    expect(server.messagesReceived(id)).toEqual([]);
  });

  it('should treat a conversation the server no longer knows as archived, without sending', async () => {
    const { deps } = harness();
    const id = 'e'.repeat(32);

    expect(await deliverFollowUp({ taskId: null, conversationId: id }, TEXT, deps)).toEqual({
      kind: 'archived',
      conversationId: id,
    });
    expect(sends()).toHaveLength(0);
  });
});

describe('when OpenHands is not available for the conversation (503)', () => {
  it.each([
    ['its sandbox failed', () => seeded({ sandbox_status: 'ERROR' })],
    [
      'its agent server is down',
      () => {
        const conversation = seeded();
        server.failNext({ kind: 'service_unavailable', path: '/api/v1/app-conversations/', method: 'POST' });
        return conversation;
      },
    ],
  ])('should fail with the error text when %s, and not retry', async (_why, setup) => {
    const { id, target } = setup();

    const error = await failure(deliverFollowUp(target, TEXT, harness().deps));

    expect(error.code).toBe('agent_unavailable');
    expect(error.message).toMatch(
      /^OpenHands is not available for this conversation right now — your message was not sent/,
    );
    expect(sends()).toHaveLength(1);
    expect(resumes()).toHaveLength(0);
    expect(server.messagesReceived(id)).toEqual([]);
  });
});

/** A client for setting up starts, outside the run under test. */
function deps() {
  return {
    client: createOpenHandsClient({
      baseUrl: testOrigin(server.url),
      auth: { kind: 'bearer', key: testKey(KEY) },
    }),
  };
}
