import type { ConversationRecord } from '../../lib/conversations/record.ts';
import { expect, test } from './fixtures.ts';

const ISSUE_URL = 'https://github.com/octo-org/hello-world/issues/42';
const input = {
  repository: 'octo-org/hello-world',
  title: '#42: Crash on startup',
  message: `Please solve ${ISSUE_URL}`,
  source: { kind: 'issue', url: ISSUE_URL, number: 42 },
};

/** The stored record of a conversation, read where the background keeps it. */
async function storedRecord(storage: () => Promise<Record<string, unknown>>, id: string) {
  const stored = (await storage()).conversations as ConversationRecord[] | undefined;
  return stored?.find((r) => r.id === id);
}

test.describe('background conversations', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should start a conversation that reaches READY', async ({ extension, openHands }) => {
    openHands.configure({ stepsPerPoll: 2 });
    const reply = await extension.send<ConversationRecord>({ type: 'conversation.start', input });
    expect(reply.ok).toBe(true);
    const id = reply.data?.id ?? '';
    expect(reply.data).toMatchObject({ state: 'starting', repository: 'octo-org/hello-world' });

    await expect
      .poll(async () => (await storedRecord(extension.storage, id))?.state, { timeout: 30_000 })
      .toBe('running');
    const record = await storedRecord(extension.storage, id);
    expect(record?.startStatus).toBe('READY');
    expect(record?.conversationId).toBe(openHands.getStartTask(id)?.app_conversation_id);

    const starts = openHands.requests.filter((r) => r.method === 'POST');
    expect(starts).toHaveLength(1);
    expect(starts[0]?.validationErrors).toEqual([]);
    expect(starts[0]?.headers.authorization).toBe('Bearer test-key');
    expect(starts[0]?.body).toMatchObject({
      selected_repository: 'octo-org/hello-world',
      git_provider: 'github',
      title: '#42: Crash on startup',
      initial_message: { content: [{ type: 'text', text: `Please solve ${ISSUE_URL}` }] },
    });
    expect(openHands.requests.every((r) => r.valid)).toBe(true);
  });

  test('should resume polling by its alarm alone after the service worker is stopped mid-start', async ({
    extension,
    openHands,
    context,
    serviceWorker,
  }) => {
    openHands.configure({ stepsPerPoll: 2 });
    const reply = await extension.send<ConversationRecord>({ type: 'conversation.start', input });
    const id = reply.data?.id ?? '';
    // Stop the worker between two polls: after the first one was stored and the next one's alarm was set.
    await expect
      .poll(async () => (await storedRecord(extension.storage, id))?.startStatus, { timeout: 15_000 })
      .not.toBe('WORKING');
    await expect
      .poll(() => serviceWorker.evaluate(() => chrome.alarms.get('poll-conversations')))
      .toMatchObject({ scheduledTime: expect.any(Number) });
    await serviceWorker.evaluate(() => Object.assign(globalThis, { testMarker: 'first worker' }));
    await extension.stopServiceWorker();
    // Nothing but the alarm may wake it: no message, and no extension page left open.
    for (const page of context.pages()) {
      if (page.url().startsWith('chrome-extension://')) await page.close();
    }
    const startPolls = () => openHands.requests.filter((r) => r.path.endsWith('/start-tasks')).length;
    const pollsAtStop = startPolls();

    // The next poll was due 3 s after the last one; a 30 s periodic alarm would be too late.
    await expect.poll(startPolls, { timeout: 15_000, intervals: [500] }).toBeGreaterThan(pollsAtStop);
    await expect.poll(() => openHands.getStartTask(id)?.status, { timeout: 20_000 }).toBe('READY');
    await expect
      .poll(async () => (await storedRecord(extension.storage, id))?.state, { timeout: 10_000 })
      .toBe('running');
    // A new worker instance did the rest: the first one's globals are gone.
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    expect(await worker?.evaluate(() => (globalThis as { testMarker?: string }).testMarker)).toBeUndefined();
  });

  test('should show the start task ERROR detail', async ({ extension, openHands }) => {
    openHands.configure({
      finalStartStatus: 'ERROR',
      errorDetail: 'Repository not accessible',
      stepsPerPoll: 8,
    });
    const reply = await extension.send<ConversationRecord>({ type: 'conversation.start', input });
    const id = reply.data?.id ?? '';
    await expect
      .poll(async () => (await storedRecord(extension.storage, id))?.state, { timeout: 15_000 })
      .toBe('error');
    expect((await storedRecord(extension.storage, id))?.detail).toBe('Repository not accessible');
  });

  test('should count starting and running conversations on the toolbar badge', async ({
    extension,
    context,
  }) => {
    await extension.send({ type: 'conversation.start', input });
    const worker = context.serviceWorkers()[0];
    await expect.poll(async () => worker?.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  });
});
