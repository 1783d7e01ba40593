import type { PagePort, PortRuntime } from '@/lib/protocol/watch';

/** A port as a page holds it, plus what a test does as the background: post to it, end it. */
export type FakePort = PagePort & {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  /** The background posts `message`. */
  emit(message: unknown): void;
  /** The background ends the port. */
  end(): void;
};

/**
 * `runtime` as a page uses it to open ports (lib/protocol/watch.ts), recording every port; `onConnect` plays the
 * background. `reload()` plays the extension being reloaded under the page: `connect` then throws.
 */
export function fakeRuntime(onConnect: (port: FakePort) => void = () => {}) {
  const ports: FakePort[] = [];
  let reloaded = false;
  const connect = (name: string): FakePort => {
    if (reloaded) throw new Error('Extension context invalidated.');
    const messageListeners: ((message: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    const port: FakePort = {
      name,
      posted: [],
      disconnected: false,
      postMessage(message) {
        port.posted.push(message);
      },
      disconnect() {
        port.disconnected = true;
      },
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
      onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
      emit(message) {
        if (!port.disconnected) for (const listener of messageListeners) listener(message);
      },
      end() {
        if (port.disconnected) return;
        port.disconnected = true;
        for (const listener of disconnectListeners) listener();
      },
    };
    ports.push(port);
    onConnect(port);
    return port;
  };
  const runtime: PortRuntime = {
    get id() {
      return reloaded ? undefined : 'extension-id';
    },
    connect: ({ name }) => connect(name),
  };
  const named = (name: string) => ports.filter((port) => port.name === name);
  /** The ports still open whose name starts with `prefix`. */
  const open = (prefix: string) => ports.filter((port) => port.name.startsWith(prefix) && !port.disconnected);
  return {
    runtime,
    connect,
    ports,
    named,
    open,
    reload: () => {
      reloaded = true;
    },
  };
}

/** Timers a test runs by hand: `later` as the page's deps take it, and `elapse(ms)` to run those of `ms`. */
export function manualTimers() {
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  const later = (callback: () => void, ms: number) => {
    const timer = { callback, ms, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  /** Runs the pending timers of `ms`. */
  const elapse = (ms: number) => {
    for (const timer of timers.filter((t) => t.ms === ms && !t.cancelled)) {
      timer.cancelled = true;
      timer.callback();
    }
  };
  const pending = () => timers.filter((timer) => !timer.cancelled);
  return { later, elapse, pending, timers };
}
