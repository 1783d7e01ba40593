import { BAD_REPLY, NO_REPLY, RELOADED } from '@/lib/protocol/send';

/*
 * The page's end of a watch port (lib/protocol/ports.ts): one helper and one reconnect policy for every page
 * that follows something the background posts (the GitHub toast, the status control, the popup's list).
 *
 * The browser stops the service worker whenever it likes, and the port then ends; opening it again starts a new
 * worker, which posts afresh. So a lost port is opened again after RECONNECT_MS. A port that ends quickly, before
 * any message came and within STEADY_MS of opening (refused, or broken at once), counts towards giving up: after
 * MAX_QUICK_LOSSES of those in a row the watch ends for good and says why. A message that does not fit ends the
 * port like a quick loss. Messages are checked by the caller's `read` (by hand in the GitHub bundles).
 */

/** Wait before opening a lost port again (opening it wakes the background). */
export const RECONNECT_MS = 1_000;
/** A port that lived this long before it ended was working: its loss is the worker stopping, not a refusal. */
export const STEADY_MS = 1_000;
/** Quick losses in a row before a watch gives up. */
export const MAX_QUICK_LOSSES = 3;

/** The parts of `runtime.Port` pages use. */
export type PagePort = {
  postMessage?(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** The parts of `runtime` pages use to open ports. */
export type PortRuntime = {
  readonly id?: string;
  connect(info: { name: string }): PagePort;
};

export type WatchHandlers<T> = {
  /** What a message says, or undefined when it does not fit (the port is then dropped). */
  read(message: unknown): T | undefined;
  /** Each message that fits. */
  message(value: T): void;
  /**
   * The port ended from the other side (`final`: the watch gave up, or the extension was reloaded; otherwise it
   * opens again by itself). `reason` is user-facing.
   */
  lost?(reason: string, final: boolean): void;
};

export type WatchDeps = {
  runtime: PortRuntime;
  /** Runs `callback` after `ms`; returns what cancels it. */
  later(callback: () => void, ms: number): () => void;
  now?(): number;
};

/** Watches the port `name` until `close()`; closing never calls `lost`. */
export function watchPort<T>(deps: WatchDeps, name: string, on: WatchHandlers<T>): { close(): void } {
  const now = deps.now ?? Date.now;
  let closed = false;
  let quickLosses = 0;
  let port: PagePort | undefined;
  let cancelRetry = () => {};

  const reason = () => (deps.runtime.id ? NO_REPLY.message : RELOADED.message);

  function open(): void {
    if (closed) return;
    const openedAt = now();
    let heard = false;
    let ended = false;
    const lose = (why: string) => {
      if (ended || closed) return;
      ended = true;
      port = undefined;
      if (heard || now() - openedAt >= STEADY_MS) quickLosses = 0;
      const final = ++quickLosses >= MAX_QUICK_LOSSES || !deps.runtime.id;
      on.lost?.(why, final);
      if (final) closed = true;
      else cancelRetry = deps.later(open, RECONNECT_MS);
    };
    let opened: PagePort;
    try {
      opened = deps.runtime.connect({ name });
    } catch {
      // The extension was reloaded under this page: `connect` throws at once
      closed = true;
      queueMicrotask(() => on.lost?.(RELOADED.message, true));
      return;
    }
    port = opened;
    opened.onMessage.addListener((message) => {
      if (ended || closed) return;
      const value = on.read(message);
      if (value === undefined) {
        opened.disconnect();
        return lose(BAD_REPLY.message);
      }
      heard = true;
      quickLosses = 0;
      on.message(value);
    });
    opened.onDisconnect.addListener(() => lose(reason()));
  }

  open();
  return {
    close() {
      if (closed) return;
      closed = true;
      cancelRetry();
      port?.disconnect();
      port = undefined;
    },
  };
}
