import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProgressView } from '@/lib/content/progress';
import { createSendFlow, FOLLOW_LIMIT_MS, POLL_INTERVAL_MS } from '@/lib/content/send-flow';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import type { Reply, Request } from '@/lib/messages';
import { sendMessage } from '@/lib/pages/send-message';
import { answerMessages } from '../../support/answer-messages';
import { startingRecord } from './records';

const INPUT: StartInput = {
  repository: 'octo-org/hello-world',
  title: '#42: Fix crash on startup',
  message: 'Solve it.',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};

/** A flow whose background answers from `replies` in order; waits resolve at once. */
function setup(replies: Reply<unknown>[]) {
  const requests: Request[] = [];
  const views: ProgressView[] = [];
  const busy: boolean[] = [];
  const waits: number[] = [];
  const send = vi.fn(async (request: Request) => {
    requests.push(request);
    return replies.shift() ?? { ok: false as const, error: { code: 'no_reply', message: 'No answer.' } };
  });
  const flow = createSendFlow({
    send: send as never,
    wait: async (ms) => {
      waits.push(ms);
    },
    onView: (view) => views.push(view),
    onBusy: (value) => busy.push(value),
  });
  return { flow, requests, views, busy, waits };
}

/** Lets the flow's promise chain run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

const record = (overrides: Partial<ConversationRecord> = {}): Reply<ConversationRecord> => ({
  ok: true,
  data: startingRecord(overrides),
});

describe('createSendFlow', () => {
  it('should start, follow the stages every 2 s and free the button when ready', async () => {
    const { flow, requests, views, busy, waits } = setup([
      record(),
      record({ startStatus: 'PREPARING_REPOSITORY' }),
      record({ state: 'running', startStatus: 'READY', conversationId: 'c0ffee' }),
    ]);

    expect(flow.start(INPUT)).toBe(true);
    await settle();

    expect(requests).toEqual([
      { type: 'conversation.start', input: INPUT },
      { type: 'conversation.get', id: 'a1b2c3' },
      { type: 'conversation.get', id: 'a1b2c3' },
    ]);
    expect(waits).toEqual([POLL_INTERVAL_MS, POLL_INTERVAL_MS]);
    expect(views.map((view) => view.status)).toEqual([
      'Sending…',
      'Starting…',
      'Preparing repository…',
      'Running',
    ]);
    expect(views.at(-1)?.href).toBe('https://app.all-hands.dev/conversations/c0ffee');
    expect(busy).toEqual([true, false]);
    expect(flow.busy).toBe(false);
  });

  it('should ignore a second start while the first is under way', async () => {
    const { flow, requests } = setup([record({ state: 'running', conversationId: 'c0ffee' })]);

    const first = flow.start(INPUT);
    const second = flow.start(INPUT);
    await settle();

    expect([first, second]).toEqual([true, false]);
    expect(requests.filter((request) => request.type === 'conversation.start')).toHaveLength(1);
  });

  it("should show the background's error and free the button", async () => {
    const { flow, views, busy } = setup([
      {
        ok: false,
        error: { code: 'unauthorized', message: 'OpenHands did not accept the API key.', action: 'options' },
      },
    ]);

    flow.start(INPUT);
    await settle();

    expect(views.at(-1)).toMatchObject({
      tone: 'error',
      status: 'OpenHands did not accept the API key.',
      openOptions: true,
    });
    expect(busy).toEqual([true, false]);
  });

  it('should stop following after three failed polls, keeping the link', async () => {
    const failure = {
      ok: false as const,
      error: { code: 'no_reply' as const, message: 'The extension did not answer.' },
    };
    const { flow, views, requests } = setup([record(), failure, failure, failure]);

    flow.start(INPUT);
    await settle();

    expect(requests).toHaveLength(4);
    expect(views.at(-1)).toMatchObject({
      heading: 'Still starting',
      status: 'The extension did not answer.',
    });
    expect(views.at(-1)?.href).toContain('/conversations/task-a1b2c3');
    expect(flow.busy).toBe(false);
  });

  it('should stop following after the time limit', async () => {
    const polls = FOLLOW_LIMIT_MS / POLL_INTERVAL_MS;
    const { flow, views, requests } = setup(Array.from({ length: polls + 1 }, () => record()));

    flow.start(INPUT);
    for (let i = 0; i < polls; i++) await settle();

    expect(requests).toHaveLength(polls + 1);
    expect(views.at(-1)).toMatchObject({ heading: 'Still starting', status: 'Follow it in OpenHands.' });
  });

  it('should stop polling and free the button when dismissed', async () => {
    const requests: Request[] = [];
    const busy: boolean[] = [];
    let release = () => {};
    const flow = createSendFlow({
      send: (async (request: Request) => {
        requests.push(request);
        return record();
      }) as never,
      wait: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      onView: () => {},
      onBusy: (value) => busy.push(value),
    });

    flow.start(INPUT);
    await settle();
    flow.stop();
    release();
    await settle();

    expect(requests.map((request) => request.type)).toEqual(['conversation.start']);
    expect(busy).toEqual([true, false]);
    expect(flow.busy).toBe(false);
  });

  describe('with malformed replies from the background', () => {
    beforeEach(() => fakeBrowser.reset());

    /** A flow that talks to the (fake) background through the real `sendMessage`, as the page does. */
    function throughTheBrowser(replies: unknown[]) {
      const views: ProgressView[] = [];
      const busy: boolean[] = [];
      answerMessages(() => (replies.shift() ?? { ok: false, error: { code: 'x', message: 'x' } }) as never);
      const flow = createSendFlow({
        send: sendMessage,
        wait: async () => {},
        onView: (view) => views.push(view),
        onBusy: (value) => busy.push(value),
      });
      return { flow, views, busy };
    }

    it('should show an error, not a broken toast, when the start reply is not a record', async () => {
      const { flow, views, busy } = throughTheBrowser([{ ok: true, data: { id: 42, state: 'nonsense' } }]);

      flow.start(INPUT);
      await vi.waitFor(() => expect(busy).toEqual([true, false]));

      expect(views.at(-1)).toMatchObject({
        tone: 'error',
        heading: 'Could not start the conversation',
        status: expect.stringContaining('cannot read'),
      });
      expect(views.some((view) => view.href?.includes('undefined'))).toBe(false);
    });

    it('should stop following, keeping the last good record, when polls answer garbage', async () => {
      const garbage = { ok: true, data: { ...startingRecord(), state: 'exploded' } };
      const { flow, views, busy } = throughTheBrowser([
        { ok: true, data: startingRecord() },
        garbage,
        garbage,
        garbage,
      ]);

      flow.start(INPUT);
      await vi.waitFor(() => expect(busy).toEqual([true, false]));

      expect(views.at(-1)).toMatchObject({
        heading: 'Still starting',
        status: expect.stringContaining('cannot read'),
      });
      expect(views.at(-1)?.href).toContain('/conversations/task-a1b2c3');
    });
  });
});
