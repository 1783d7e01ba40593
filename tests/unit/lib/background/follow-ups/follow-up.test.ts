// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FollowUpDeps, sendFollowUp, sentReviewItems } from '@/lib/background/follow-ups/follow-up';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { createHandlers } from '@/lib/background/messaging/create-handlers';
import { serveFollowUpPort } from '@/lib/background/ports/follow-up-port';
import {
  getConversation,
  loadConversations,
  upsertConversation,
} from '@/lib/background/records/conversation-store';
import { saveSettings } from '@/lib/background/settings/settings-store';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import { followUpResultSchema } from '@/lib/conversations/follow-up-schema';
import type { ConversationRecord } from '@/lib/conversations/record';
import { startInputSchema } from '@/lib/conversations/start-input';
import { serializeError } from '@/lib/errors/error';
import { portName } from '@/lib/protocol/ports';
import { conversationUrl } from '@/lib/server/origin';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { testKey } from '../../../../support/api-key';
import { asPageReadsIt, backgroundPorts, GITHUB_TAB, SELF } from '../../../../support/background-ports';
import {
  type OpenHandsTestServer,
  startOpenHandsServer,
} from '../../../../support/openhands-server/index.ts';
import { testOrigin } from '../../../../support/origin';
import { makeRecord } from '../../../factories/conversation-record';

/*
 * `followUp.send` and `followUp.sentReviewItems` as the background runs them: stored records, the key saved
 * for the conversation's server, and the local OpenHands stand-in. Waits between status reads are skipped.
 */

const KEY = 'follow-up-handler-key';
const TEXT = 'Please also update the docs.';
const NOW = new Date('2026-11-28T12:00:00Z');
let server: OpenHandsTestServer;

async function makeDeps() {
  const encryption = await generateSecretKey();
  const apiKeys = createApiKeyStore(async () => encryption);
  await apiKeys.write(server.url, testKey(KEY));
  return {
    apiKeys,
    fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
    now: () => NOW,
    schedulePoll: vi.fn<() => void>(),
    onRecords: vi.fn(async (_records: ConversationRecord[]) => {}),
    sleep: async () => {},
  } satisfies FollowUpDeps;
}

/** A conversation this extension started, now finished and no longer polled, as stored. */
async function storedConversation(patch: Partial<ConversationRecord> = {}) {
  const [conversation] = server.seedConversations(1, { execution_status: 'finished' });
  const id = conversation?.id ?? '';
  const record = makeRecord({
    id: 'a'.repeat(32),
    taskId: 'a'.repeat(32),
    serverUrl: server.url,
    conversationId: id,
    state: 'finished',
    startStatus: 'READY',
    polling: false,
    notifiedState: 'finished',
    lastPolledAt: '2026-11-28T11:00:00.000Z',
    ...patch,
  });
  await upsertConversation(record);
  return { id, record };
}

const sendsTo = (id: string) =>
  server.requests.filter((r) => r.path === `/api/v1/app-conversations/${id}/send-message`);

beforeAll(async () => {
  server = await startOpenHandsServer({ mode: 'cloud', apiKey: KEY });
});
beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(server.url) });
});
afterEach(() => {
  const broken = server.requests.filter((r) => !r.valid);
  server.reset();
  expect(broken.map((r) => `${r.method} ${r.path}: ${r.validationErrors.join('; ')}`)).toEqual([]);
});
afterAll(() => server.close());

describe('a follow-up that is delivered', () => {
  it('should show the conversation as Running again, follow it, and remember the review items it carried', async () => {
    const { id, record } = await storedConversation();
    const deps = await makeDeps();
    const stages: FollowUpStage[] = [];

    const result = await sendFollowUp(
      { type: 'followUp.send', conversation: record.id, text: TEXT, reviewItemIds: ['r1', 'review-2'] },
      deps,
      (stage) => stages.push(stage),
    );

    expect(followUpResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ kind: 'sent', record: { id: record.id, state: 'running' } });
    expect(await getConversation(record.id)).toMatchObject({
      state: 'running',
      polling: true,
      notifiedState: null,
      updatedAt: NOW.toISOString(),
    });
    expect(deps.schedulePoll).toHaveBeenCalled();
    expect(deps.onRecords).toHaveBeenCalledWith(await loadConversations());
    expect(stages).toEqual(['checking', 'sending']);
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
    expect(
      await sentReviewItems({
        type: 'followUp.sentReviewItems',
        conversation: id,
        ids: ['r0', 'r1', 'review-2'],
      }),
    ).toEqual({ sent: ['r1', 'review-2'] });
  });

  it('should find the conversation by its conversation id in any form', async () => {
    const { id } = await storedConversation();
    const dashed = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;

    const result = await sendFollowUp(
      { type: 'followUp.send', conversation: dashed.toUpperCase(), text: TEXT },
      await makeDeps(),
    );

    expect(result.kind).toBe('sent');
    expect(sendsTo(id)).toHaveLength(1);
  });

  it('should queue it for a conversation still starting, and remember its review items', async () => {
    const task = await (
      await fetch(`${server.url}/api/v1/app-conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ initial_message: { content: [{ type: 'text', text: 'Fix #42' }] } }),
      })
    ).json();
    const record = makeRecord({ id: task.id, taskId: task.id, serverUrl: server.url });
    await upsertConversation(record);

    const result = await sendFollowUp(
      { type: 'followUp.send', conversation: task.id, text: TEXT, reviewItemIds: ['r9'] },
      await makeDeps(),
    );

    expect(result).toEqual({ kind: 'queued', record, position: 1 });
    expect(await getConversation(record.id)).toEqual(record);
    expect(server.pendingMessages(`task-${task.id}`).map((m) => m.text)).toEqual([TEXT]);
    expect(
      await sentReviewItems({ type: 'followUp.sentReviewItems', conversation: task.id, ids: ['r9'] }),
    ).toEqual({
      sent: ['r9'],
    });
  });
});

describe('a follow-up that is not delivered', () => {
  it('should report a 503 and remember nothing as sent, leaving the record as it was', async () => {
    const { id, record } = await storedConversation();
    server.setConversationStatus(id, { sandbox_status: 'ERROR' });
    const deps = await makeDeps();

    await expect(
      sendFollowUp(
        { type: 'followUp.send', conversation: record.id, text: TEXT, reviewItemIds: ['r1'] },
        deps,
      ),
    ).rejects.toMatchObject({ code: 'agent_unavailable' });

    expect(
      await sentReviewItems({ type: 'followUp.sentReviewItems', conversation: record.id, ids: ['r1'] }),
    ).toEqual({
      sent: [],
    });
    expect(await getConversation(record.id)).toEqual(record);
    expect(deps.schedulePoll).not.toHaveBeenCalled();
  });

  it('should offer a new conversation with the old one’s link and the follow-up when it was archived (410)', async () => {
    const { id, record } = await storedConversation({
      prNumber: 7,
      branch: 'fix-42',
      title: '#7: Fix the crash',
    });
    server.setConversationStatus(id, { sandbox_status: 'MISSING' });

    const result = await sendFollowUp(
      { type: 'followUp.send', conversation: record.id, text: TEXT, reviewItemIds: ['r1'] },
      await makeDeps(),
    );

    if (result.kind !== 'archived') throw new Error(`expected archived, got ${result.kind}`);
    expect(startInputSchema.parse(result.restart)).toEqual(result.restart);
    expect(result.restart).toMatchObject({
      repository: record.repository,
      branch: 'fix-42',
      prNumber: 7,
      source: record.source,
    });
    expect(result.restart.message).toContain(conversationUrl(testOrigin(server.url), id));
    expect(result.restart.message).toContain(TEXT);
    expect(result.record).toMatchObject({ state: 'archived', polling: false });
    expect(await getConversation(record.id)).toMatchObject({ state: 'archived', polling: false });
    expect(server.messagesReceived(id)).toEqual([]);
    expect(
      await sentReviewItems({ type: 'followUp.sentReviewItems', conversation: record.id, ids: ['r1'] }),
    ).toEqual({
      sent: [],
    });
  });

  it('should name a conversation the extension does not keep', async () => {
    await expect(
      sendFollowUp({ type: 'followUp.send', conversation: 'f'.repeat(32), text: TEXT }, await makeDeps()),
    ).rejects.toMatchObject({
      code: 'not_found',
      message:
        'This conversation is no longer in the extension’s list, so nothing was sent. Continue it in OpenHands.',
    });
    expect(server.requests).toEqual([]);
  });
});

describe('on a server without the V1 API', () => {
  it('should say follow-ups are not supported for a conversation started on a V0 server, asking nothing', async () => {
    const record = makeRecord({
      apiVersion: 'v0',
      taskId: null,
      conversationId: 'c'.repeat(32),
      serverUrl: server.url,
    });
    await upsertConversation(record);

    const result = await sendFollowUp(
      { type: 'followUp.send', conversation: record.id, text: TEXT },
      await makeDeps(),
    );

    expect(result).toEqual({
      kind: 'unsupported',
      reason:
        'This OpenHands server is too old for follow-ups from the extension (it has no V1 API). Continue the conversation in OpenHands.',
    });
    expect(server.requests).toEqual([]);
  });

  it('should say so when the server now answers only V0', async () => {
    const v0 = await startOpenHandsServer({ mode: 'v0', apiKey: null });
    try {
      await saveSettings({ ...DEFAULT_SETTINGS, serverUrl: testOrigin(v0.url) });
      const record = makeRecord({ serverUrl: v0.url, conversationId: 'c'.repeat(32) });
      await upsertConversation(record);

      const result = await sendFollowUp(
        { type: 'followUp.send', conversation: record.id, text: TEXT },
        await makeDeps(),
      );

      expect(result.kind).toBe('unsupported');
      expect(v0.requests.filter((r) => r.path.includes('send-message'))).toEqual([]);
    } finally {
      await v0.close();
    }
  });
});

describe('through the background’s message handlers', () => {
  const githubTab = GITHUB_TAB;

  /** A port from a GitHub tab, served as the entrypoint serves it; resolves once it closes. */
  function connect(handlers: ReturnType<typeof createHandlers>) {
    let closed: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const page = backgroundPorts({
      followUp: (port) => {
        const disconnect = port.disconnect;
        port.disconnect = () => {
          disconnect();
          closed();
        };
        serveFollowUpPort(port, { self: SELF, handlers, toError: serializeError });
      },
    })(portName('followUp'), GITHUB_TAB);
    return { posted: page.posted, send: page.send, done };
  }

  it('should report the stages of a paused conversation’s follow-up over the port, then the result', async () => {
    const { id, record } = await storedConversation();
    server.setConversationStatus(id, { sandbox_status: 'PAUSED' });
    const page = connect(createHandlers(await makeDeps()));

    page.send({ type: 'followUp.send', conversation: record.id, text: TEXT });
    await page.done;

    const messages = page.posted.map(asPageReadsIt);
    expect(messages.flatMap((m) => (m.type === 'followUp.progress' ? [m.stage] : []))).toEqual([
      'checking',
      'resuming',
      'waiting_for_sandbox',
      'waiting_for_sandbox',
      'sending',
    ]);
    expect(messages.at(-1)).toMatchObject({
      type: 'followUp.result',
      reply: { ok: true, data: { kind: 'sent', record: { state: 'running' } } },
    });
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });

  it('should deliver a double-clicked follow-up once', async () => {
    const { id, record } = await storedConversation();
    const handlers = createHandlers(await makeDeps());
    const request = { type: 'followUp.send', conversation: record.id, text: TEXT } as const;

    const [first, second] = await Promise.all([
      handlers['followUp.send'](request, githubTab),
      handlers['followUp.send'](request, githubTab),
    ]);

    expect(second).toEqual(first);
    expect(sendsTo(id)).toHaveLength(1);
  });
});

describe('a follow-up whose answer was lost (the worker stopped)', () => {
  const REQUEST = 'req-follow-0001';
  const send = (deps: FollowUpDeps, conversation: string) =>
    sendFollowUp({ type: 'followUp.send', conversation, text: TEXT, requestId: REQUEST }, deps);

  it('should answer the same request again with its outcome, and deliver it once', async () => {
    const { id, record } = await storedConversation();
    const first = await send(await makeDeps(), record.id);

    const again = await send(await makeDeps(), record.id);

    expect(again).toEqual(first);
    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });

  it('should not deliver it again once its text may have left under a stopped worker, and link the conversation', async () => {
    const { id, record } = await storedConversation();
    server.failNext({ kind: 'timeout_after_handling', path: `/api/v1/app-conversations/${id}/send-message` });
    const impatient: typeof fetch = (url, init) =>
      String(url).endsWith('/send-message')
        ? fetch(url, { ...init, signal: AbortSignal.timeout(500) })
        : fetch(url, init);
    const lost = await sendFollowUp(
      { type: 'followUp.send', conversation: record.id, text: TEXT, requestId: REQUEST },
      { ...(await makeDeps()), fetch: impatient },
    ).catch((error: unknown) => error);

    const again = await send(await makeDeps(), record.id).catch((error: unknown) => error);

    for (const failure of [lost, again]) {
      expect(failure).toMatchObject({
        code: 'delivery_unconfirmed',
        action: 'conversation',
        url: conversationUrl(testOrigin(server.url), id),
        message: expect.stringContaining(
          'may already have been delivered. Check the conversation before you send it again.',
        ),
      });
      expect(serializeError(failure).message).not.toMatch(/try again/i);
    }
    expect(server.messagesReceived(id)).toHaveLength(1);
    expect(sendsTo(id)).toHaveLength(1);
  });

  it('should deliver it when the stopped worker had not sent anything yet', async () => {
    const { id, record } = await storedConversation();
    server.failNext({ kind: 'server_error', path: '/api/v1/app-conversations' });
    await expect(send(await makeDeps(), record.id)).rejects.toMatchObject({ code: 'server_error' });

    await send(await makeDeps(), record.id);

    expect(server.messagesReceived(id).map((m) => m.text)).toEqual([TEXT]);
  });
});
