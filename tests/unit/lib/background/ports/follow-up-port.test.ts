import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers, OnProgress } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import { type PortDeps, serveFollowUpPort } from '@/lib/background/ports/follow-up-port';
import { portName } from '@/lib/protocol/ports';
import {
  asPageReadsIt,
  backgroundPorts,
  GITHUB_TAB,
  POPUP,
  SELF,
} from '../../../../support/background-ports';
import { makeRecord } from '../../../factories/conversation-record';

/*
 * The background's end of a follow-up port, driven like `runtime.onConnect` drives it: a fake port with the
 * real `runtime.Port` shape, and a fake `followUp.send` handler standing in for the delivery.
 */

const githubTab = GITHUB_TAB;
const extensionPage = POPUP;
const request = { type: 'followUp.send', conversation: 'a'.repeat(32), text: 'Also add a test.' };
const record = makeRecord({ state: 'running' });

/** A follow-up port opened by `sender`, served as the entrypoint serves it with `deps`. */
function open(sender: Sender, portDeps: PortDeps) {
  const page = backgroundPorts({ followUp: (port) => serveFollowUpPort(port, portDeps) })(
    portName('followUp'),
    sender,
  );
  return {
    ...page,
    get connected() {
      return !page.state.disconnected;
    },
  };
}

/** A `followUp.send` handler that reports `stages`, then answers `sent` (or throws `fail`). */
function handlers(stages: Parameters<OnProgress>[0][] = [], fail?: Error) {
  const followUp = vi.fn(async (_request: unknown, _sender: Sender, onProgress?: OnProgress) => {
    for (const stage of stages) onProgress?.(stage);
    if (fail) throw fail;
    return { kind: 'sent', record };
  });
  return { followUp, all: { 'followUp.send': followUp, 'settings.get': vi.fn() } as unknown as Handlers };
}

const deps = (all: Handlers) => ({
  self: SELF,
  handlers: all,
  toError: (error: unknown) => ({ code: 'agent_unavailable' as const, message: (error as Error).message }),
});

/** Lets the handler's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Every posted message, as the page reads it. */
const parsed = (posted: unknown[]) => posted.map(asPageReadsIt);

afterEach(() => vi.useRealTimers());

describe('a follow-up port', () => {
  it('should post each stage while it runs, then one result, then close', async () => {
    const { followUp, all } = handlers(['checking', 'resuming', 'waiting_for_sandbox', 'sending']);
    const page = open(githubTab, deps(all));

    page.send(request);
    await settle();

    expect(parsed(page.posted)).toEqual([
      { type: 'followUp.progress', stage: 'checking' },
      { type: 'followUp.progress', stage: 'resuming' },
      { type: 'followUp.progress', stage: 'waiting_for_sandbox' },
      { type: 'followUp.progress', stage: 'sending' },
      { type: 'followUp.result', reply: { ok: true, data: { kind: 'sent', record } } },
    ]);
    expect(followUp).toHaveBeenCalledWith(request, githubTab, expect.any(Function));
    expect(page.state.disconnects).toBe(1);
  });

  it('should answer a failure as an error reply, so the page keeps the text and shows why', async () => {
    const { all } = handlers(['checking', 'sending'], new Error('OpenHands is not available'));
    const page = open(extensionPage, deps(all));

    page.send(request);
    await settle();

    expect(parsed(page.posted).at(-1)).toEqual({
      type: 'followUp.result',
      reply: { ok: false, error: { code: 'agent_unavailable', message: 'OpenHands is not available' } },
    });
  });

  it('should refuse a first message that breaks the contract, or is not a follow-up, without running anything', async () => {
    for (const first of [
      { ...request, text: '   ' },
      { ...request, extra: 1 },
      'hello',
      { type: 'settings.get' },
    ]) {
      const { followUp, all } = handlers();
      const page = open(extensionPage, deps(all));

      page.send(first);
      await settle();

      expect(parsed(page.posted)).toEqual([
        {
          type: 'followUp.result',
          reply: {
            ok: false,
            error: {
              code: 'bad_request',
              message: 'The extension received a message it does not understand.',
            },
          },
        },
      ]);
      expect(followUp).not.toHaveBeenCalled();
      expect(all['settings.get']).not.toHaveBeenCalled();
      expect(page.connected).toBe(false);
    }
  });

  it('should handle only the first message', async () => {
    const { followUp, all } = handlers();
    const page = open(githubTab, deps(all));

    page.send(request);
    page.send({ ...request, text: 'A second one' });
    await settle();

    expect(followUp).toHaveBeenCalledTimes(1);
  });

  it('should finish the delivery when the page goes away, posting nothing more', async () => {
    let finish: () => void = () => {};
    const delivered = vi.fn();
    const all = {
      'followUp.send': vi.fn(async (_r: unknown, _s: Sender, onProgress?: OnProgress) => {
        onProgress?.('resuming');
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        onProgress?.('sending');
        delivered();
        return { kind: 'sent', record };
      }),
    } as unknown as Handlers;
    const page = open(githubTab, deps(all));

    page.send(request);
    await settle();
    page.leave();
    finish();
    await settle();

    expect(delivered).toHaveBeenCalled();
    expect(parsed(page.posted)).toEqual([{ type: 'followUp.progress', stage: 'resuming' }]);
  });

  it('should close a port that sends nothing', () => {
    vi.useFakeTimers();
    const page = open(githubTab, { ...deps(handlers().all), firstMessageTimeoutMs: 5_000 });

    vi.advanceTimersByTime(4_999);
    expect(page.connected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(page.connected).toBe(false);
  });
});
