import { describe, expect, it, vi } from 'vitest';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { feedPort } from '@/lib/background/ports/port-feed';

type Message = { n: number };

/** A port as a page opened it; the test plays the page, and `change()` the storage writes. */
function open(build: () => Promise<Message | undefined>, failPosts = false) {
  const posted: Message[] = [];
  const fromPage = new Set<(message: unknown) => void>();
  const pageLeft = new Set<() => void>();
  const changes = new Set<() => void>();
  const state = { disconnected: false };
  const port: BackgroundPort<Message> = {
    name: 'test',
    postMessage: (message) => {
      if (failPosts) throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
    },
    disconnect: () => {
      state.disconnected = true;
    },
    onMessage: {
      addListener: (listener) => fromPage.add(listener),
      removeListener: (listener) => fromPage.delete(listener),
    },
    onDisconnect: { addListener: (listener) => pageLeft.add(listener) },
  };
  const afterPush = vi.fn();
  const onClose = vi.fn();
  const onChange = (listener: () => void) => {
    changes.add(listener);
    return () => changes.delete(listener);
  };
  const isOpen = feedPort(port, { onChange, build, afterPush, onClose });
  return {
    posted,
    state,
    isOpen,
    afterPush,
    onClose,
    listening: () => changes.size,
    change: () => {
      for (const listener of changes) listener();
    },
    send: (message: unknown) => {
      for (const listener of fromPage) listener(message);
    },
    leave: () => {
      for (const listener of pageLeft) listener();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('feedPort', () => {
  it('should post on connect and after a change, only what differs, and say which push was first', async () => {
    let n = 1;
    const page = open(async () => ({ n }));
    await settle();
    page.change();
    await settle();
    n = 2;
    page.change();
    await settle();
    expect(page.posted).toEqual([{ n: 1 }, { n: 2 }]);
    expect(page.afterPush.mock.calls).toEqual([[true], [false], [false]]);
  });

  it('should post in order, ending with the newest, however long each read takes', async () => {
    const reads = [30, 0];
    let n = 0;
    const page = open(async () => {
      const mine = ++n;
      await new Promise((resolve) => setTimeout(resolve, reads[mine - 1] ?? 0));
      return { n: mine };
    });
    page.change();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(page.posted).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('should post nothing for a read that failed, and go on with the next', async () => {
    let fail = true;
    const page = open(async () => {
      if (fail) throw new Error('storage');
      return { n: 1 };
    });
    await settle();
    expect(page.posted).toEqual([]);
    fail = false;
    page.change();
    await settle();
    expect(page.posted).toEqual([{ n: 1 }]);
  });

  it('should end the port on any message from the page, and stop listening', async () => {
    const page = open(async () => ({ n: 1 }));
    await settle();
    page.send({ type: 'anything' });
    expect(page.state.disconnected).toBe(true);
    expect(page.isOpen()).toBe(false);
    expect(page.listening()).toBe(0);
    expect(page.onClose).toHaveBeenCalledOnce();
  });

  it('should stop once the page left, or when posting to it fails, closing once', async () => {
    const gone = open(async () => ({ n: 1 }));
    gone.leave();
    gone.leave();
    await settle();
    expect(gone.posted).toEqual([]);
    expect(gone.onClose).toHaveBeenCalledOnce();

    const broken = open(async () => ({ n: 1 }), true);
    await settle();
    expect(broken.isOpen()).toBe(false);
    expect(broken.listening()).toBe(0);
    expect(broken.afterPush).not.toHaveBeenCalled();
    expect(broken.onClose).toHaveBeenCalledOnce();
  });
});
