import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import { createSendFlow, FOLLOW_LIMIT_MS } from '@/lib/content/ui/start/send-flow';
import { type FollowedRecord, followedRecord } from '@/lib/conversations/follow';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import { type AskFromGitHub, askFromGitHub } from '@/lib/protocol/ask-from-github';
import type { Reply, Request } from '@/lib/protocol/messages';
import { parsePortName } from '@/lib/protocol/ports';
import { NO_REPLY } from '@/lib/protocol/send';
import { RECONNECT_MS } from '@/lib/protocol/watch';
import { fakeRuntime, manualTimers } from '../../../../../support/fake-ports';
import { answerMessages } from '../../../../support/answer-messages';
import { startingRecord } from '../records';

const INPUT: StartInput = {
  repository: 'octo-org/hello-world',
  title: '#42: Fix crash on startup',
  message: 'Solve it.',
  source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
};

const pushed = (overrides: Partial<ConversationRecord> = {}) => followedRecord(startingRecord(overrides));

/**
 * A flow whose background answers the start with `reply` (or as `ask` says), whose record ports the test plays
 * the background of (`feed()`: the last one), and whose timers run only when `elapse` says so.
 */
function setup(reply: Reply<unknown> = { ok: true, data: startingRecord() }, ask?: AskFromGitHub) {
  const requests: Request[] = [];
  const views: ProgressView[] = [];
  const busy: boolean[] = [];
  const fake = fakeRuntime();
  const { later, elapse, timers } = manualTimers();
  const flow = createSendFlow({
    ask:
      ask ??
      ((async (request: Request) => {
        requests.push(request);
        return reply;
      }) as never),
    runtime: fake.runtime,
    later,
    onView: (view) => views.push(view),
    onBusy: (value) => busy.push(value),
  });
  /** The record ports the flow opened, as the background sees them. */
  const feeds = () =>
    fake.ports.map((port) => ({
      id: parsePortName(port.name)?.key,
      closed: port.disconnected,
      /** The background posts the record (null: no longer stored). */
      record: (record: FollowedRecord | null) => port.emit({ type: 'conversation.record', record }),
      /** The worker stopped: the port ends. */
      lost: () => port.end(),
    }));
  const feed = () => feeds().at(-1) as ReturnType<typeof feeds>[number];
  return { flow, requests, views, busy, feeds, feed, timers, elapse };
}

/** Lets the flow's promise chain run to its end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

describe('createSendFlow', () => {
  it('should ask again with the same request when the worker stopped before it answered, and show the conversation', async () => {
    const replies: Reply<unknown>[] = [
      { ok: false, error: { code: 'no_reply', message: 'The extension did not answer.' } },
      { ok: true, data: startingRecord() },
    ];
    const requests: Request[] = [];
    const { flow, views, elapse } = setup(undefined, (async (request: Request) => {
      requests.push(request);
      return replies.shift();
    }) as never);

    flow.start(INPUT);
    await settle();
    elapse(1_000);
    await settle();

    expect(requests).toHaveLength(2);
    expect(requests[1]).toEqual(requests[0]);
    expect(views.at(-1)).toMatchObject({
      tone: 'working',
      href: expect.stringContaining('/conversations/task-'),
    });
    expect(views.some((view) => /try again/i.test(view.status))).toBe(false);
  });

  it('should say the start may have happened when the background never answers', async () => {
    const { flow, views, elapse } = setup({
      ok: false,
      error: { code: 'no_reply', message: 'The extension did not answer.' },
    });

    flow.start(INPUT);
    for (let i = 0; i < 3; i++) {
      await settle();
      elapse(1_000);
    }
    await settle();

    expect(views.at(-1)).toMatchObject({
      tone: 'error',
      heading: 'The conversation may have started',
      status: expect.stringContaining('The extension stopped answering, so it is unclear'),
    });
  });

  it('should start, show each stage the background pushes and free the button when ready', async () => {
    const { flow, requests, views, busy, feeds, feed } = setup();

    expect(flow.start(INPUT)).toBe(true);
    await settle();
    feed().record(pushed());
    feed().record(pushed({ startStatus: 'PREPARING_REPOSITORY' }));
    feed().record(pushed({ state: 'running', startStatus: 'READY', conversationId: 'c0ffee' }));

    expect(requests).toEqual([{ type: 'conversation.start', input: INPUT, requestId: expect.any(String) }]);
    expect(feeds().map((f) => [f.id, f.closed])).toEqual([['a1b2c3', true]]);
    expect(views.map((view) => view.status)).toEqual([
      'Sending…',
      'Starting…',
      'Starting…',
      'Preparing repository…',
      'Running',
    ]);
    expect(views.at(-1)?.href).toBe('https://app.all-hands.dev/conversations/c0ffee');
    expect(busy).toEqual([true, false]);
    expect(flow.busy).toBe(false);
  });

  it('should not follow a start that is already past starting', async () => {
    const { flow, feeds, busy } = setup({
      ok: true,
      data: startingRecord({ state: 'running', conversationId: 'c0ffee' }),
    });

    flow.start(INPUT);
    await settle();

    expect(feeds()).toEqual([]);
    expect(busy).toEqual([true, false]);
  });

  it('should ignore a second start while the first is under way', async () => {
    const { flow, requests } = setup();

    const first = flow.start(INPUT);
    const second = flow.start(INPUT);
    await settle();

    expect([first, second]).toEqual([true, false]);
    expect(requests.filter((request) => request.type === 'conversation.start')).toHaveLength(1);
  });

  it("should show the background's error and free the button", async () => {
    const { flow, views, busy, feeds } = setup({
      ok: false,
      error: { code: 'unauthorized', message: 'OpenHands did not accept the API key.', action: 'options' },
    });

    flow.start(INPUT);
    await settle();

    expect(views.at(-1)).toMatchObject({
      tone: 'error',
      status: 'OpenHands did not accept the API key.',
      openOptions: true,
    });
    expect(busy).toEqual([true, false]);
    expect(feeds()).toEqual([]);
  });

  it('should connect again when the background goes away, and give up after three losses in a row', async () => {
    const { flow, views, feeds, feed, elapse } = setup();
    flow.start(INPUT);
    await settle();

    feed().lost();
    elapse(RECONNECT_MS);
    feed().record(pushed({ startStatus: 'WAITING_FOR_SANDBOX' }));
    for (let loss = 0; loss < 2; loss++) {
      feed().lost();
      elapse(RECONNECT_MS);
    }
    expect(flow.busy).toBe(true);
    feed().lost();

    expect(feeds()).toHaveLength(4);
    expect(views.at(-1)).toMatchObject({
      heading: 'Still starting',
      status: NO_REPLY.message,
    });
    expect(views.at(-1)?.href).toContain('/conversations/task-a1b2c3');
    expect(flow.busy).toBe(false);
  });

  it('should say so when the record is no longer stored', async () => {
    const { flow, views, feed } = setup();
    flow.start(INPUT);
    await settle();

    feed().record(null);

    expect(views.at(-1)).toMatchObject({
      heading: 'Still starting',
      status: 'The extension lost track of it.',
    });
    expect(feed().closed).toBe(true);
    expect(flow.busy).toBe(false);
  });

  it('should stop following after the time limit', async () => {
    const { flow, views, feed, elapse } = setup();
    flow.start(INPUT);
    await settle();
    feed().record(pushed());

    elapse(FOLLOW_LIMIT_MS);

    expect(views.at(-1)).toMatchObject({ heading: 'Still starting', status: 'Follow it in OpenHands.' });
    expect(feed().closed).toBe(true);
    expect(flow.busy).toBe(false);
  });

  it('should stop following and free the button when dismissed', async () => {
    const { flow, views, busy, feed, timers } = setup();
    flow.start(INPUT);
    await settle();
    const shown = views.length;

    flow.stop();
    feed().record(pushed({ startStatus: 'PREPARING_REPOSITORY' }));

    expect(feed().closed).toBe(true);
    expect(timers.every((timer) => timer.cancelled)).toBe(true);
    expect(views).toHaveLength(shown);
    expect(busy).toEqual([true, false]);
    expect(flow.busy).toBe(false);
  });

  describe('with a malformed reply from the background', () => {
    beforeEach(() => fakeBrowser.reset());

    it('should say the start may have happened, not show a broken toast, when the start reply is not a record', async () => {
      answerMessages(() => ({ ok: true, data: { id: 42, state: 'nonsense' } }) as never);
      const { flow, views, busy } = setup(undefined, askFromGitHub);

      flow.start(INPUT);
      await vi.waitFor(() => expect(busy).toEqual([true, false]));

      expect(views.at(-1)).toMatchObject({
        tone: 'error',
        heading: 'The conversation may have started',
        status: expect.stringContaining('unclear whether the conversation started'),
      });
      expect(views.at(-1)?.status).not.toMatch(/try again/i);
      expect(views.some((view) => view.href?.includes('undefined'))).toBe(false);
    });
  });
});
