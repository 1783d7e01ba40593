import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handlers, OnProgress } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import { type FollowUpPort, serveFollowUpPort } from '@/lib/background/ports/follow-up-port';
import { FOLLOW_UP_PORT } from '@/lib/conversations/follow-up';
import { type FollowUpPortMessage, followUpPortMessageSchema } from '@/lib/conversations/follow-up-schema';
import { makeRecord } from '../../../factories/conversation-record';

/*
 * The background's end of a follow-up port, driven like `runtime.onConnect` drives it: a fake port with the
 * real `runtime.Port` shape, and a fake `followUp.send` handler standing in for the delivery.
 */

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const githubTab: Sender = {
  id: 'ext-id',
  url: 'https://github.com/o/r/pull/2',
  tab: { id: 4 } as Sender['tab'],
};
const extensionPage: Sender = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const request = { type: 'followUp.send', conversation: 'a'.repeat(32), text: 'Also add a test.' };
const record = makeRecord({ state: 'running' });

/** A port as the page's `runtime.connect` makes it, seen from the background. */
function fakePort(sender: Sender | undefined, name = FOLLOW_UP_PORT) {
  const messageListeners = new Set<(message: unknown) => void>();
  const disconnectListeners = new Set<() => void>();
  const posted: unknown[] = [];
  let connected = true;
  const port: FollowUpPort = {
    name,
    ...(sender ? { sender } : {}),
    postMessage: (message) => {
      // As Chrome does for a port whose other end went away.
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
    },
    disconnect: vi.fn(() => {
      connected = false;
    }),
    onMessage: {
      addListener: (listener) => messageListeners.add(listener),
      removeListener: (listener) => messageListeners.delete(listener),
    },
    onDisconnect: { addListener: (listener) => disconnectListeners.add(listener) },
  };
  return {
    port,
    posted,
    /** The page sends a message. */
    send: (message: unknown) => {
      for (const listener of [...messageListeners]) listener(message);
    },
    /** The page closes its end (tab closed, navigated away). */
    leave: () => {
      connected = false;
      for (const listener of disconnectListeners) listener();
    },
    get connected() {
      return connected;
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
  self,
  handlers: all,
  toError: (error: unknown) => ({ code: 'agent_unavailable' as const, message: (error as Error).message }),
});

/** Lets the handler's promise chain run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Every posted message, checked as the page checks it. */
function parsed(posted: unknown[]): FollowUpPortMessage[] {
  return posted.map((message) => followUpPortMessageSchema.parse(message));
}

afterEach(() => vi.useRealTimers());

describe('a follow-up port', () => {
  it('should post each stage while it runs, then one result, then close', async () => {
    const { followUp, all } = handlers(['checking', 'resuming', 'waiting_for_sandbox', 'sending']);
    const page = fakePort(githubTab);
    serveFollowUpPort(page.port, deps(all));

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
    expect(page.port.disconnect).toHaveBeenCalledTimes(1);
  });

  it('should answer a failure as an error reply, so the page keeps the text and shows why', async () => {
    const { all } = handlers(['checking', 'sending'], new Error('OpenHands is not available'));
    const page = fakePort(extensionPage);
    serveFollowUpPort(page.port, deps(all));

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
      const page = fakePort(extensionPage);
      serveFollowUpPort(page.port, deps(all));

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

  it('should close a port from anything but this extension’s pages and GitHub tabs, answering nothing', async () => {
    const strangers: (Sender | undefined)[] = [
      undefined,
      { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
      { id: 'ext-id', url: 'https://evil.example/', tab: { id: 1 } as Sender['tab'] },
    ];
    for (const sender of strangers) {
      const { followUp, all } = handlers();
      const page = fakePort(sender);
      serveFollowUpPort(page.port, deps(all));

      expect(page.connected).toBe(false);
      await settle();
      expect(page.posted).toEqual([]);
      expect(followUp).not.toHaveBeenCalled();
    }
  });

  it('should handle only the first message', async () => {
    const { followUp, all } = handlers();
    const page = fakePort(githubTab);
    serveFollowUpPort(page.port, deps(all));

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
    const page = fakePort(githubTab);
    serveFollowUpPort(page.port, deps(all));

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
    const page = fakePort(githubTab);
    serveFollowUpPort(page.port, { ...deps(handlers().all), firstMessageTimeoutMs: 5_000 });

    vi.advanceTimersByTime(4_999);
    expect(page.connected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(page.connected).toBe(false);
  });

  it('should leave ports with another name alone', () => {
    const page = fakePort(githubTab, 'something-else');
    serveFollowUpPort(page.port, deps(handlers().all));

    page.send(request);

    expect(page.connected).toBe(true);
    expect(page.posted).toEqual([]);
  });
});
