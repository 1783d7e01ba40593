import type { BackgroundPort } from '@/lib/background/ports/port';

export type PortFeedOptions<M> = {
  /** Calls `listener` after every write of what the port shows; returns what unsubscribes it. */
  onChange(listener: () => void): () => void;
  /** The message the page should see now; undefined when it cannot be read (nothing is posted). */
  build(): Promise<M | undefined>;
  /** After each message was built and, when it differed from the last one, posted. `first`: nothing was posted before. */
  afterPush?(first: boolean): void;
  /** Once, when the port closes (the page went away, sent something, or could not be posted to). */
  onClose?(): void;
};

/**
 * Feeds a read-only port: posts `build()`'s message on connect and after every change, one at a time and in
 * order (the page always ends with the newest), and only when it differs from the last one posted. The
 * page sends nothing, so any message ends the port. Returns whether the port is still open.
 */
export function feedPort<M>(port: BackgroundPort<M>, options: PortFeedOptions<M>): () => boolean {
  let open = true;
  let last: string | undefined;
  let queue = Promise.resolve();

  const push = async () => {
    const message = await options.build().catch(() => undefined);
    if (!open || message === undefined) return;
    const first = last === undefined;
    const json = JSON.stringify(message);
    if (json !== last) {
      last = json;
      try {
        port.postMessage(message);
      } catch {
        close();
        return;
      }
    }
    options.afterPush?.(first);
  };
  const schedule = () => {
    queue = queue.then(push);
  };
  const unsubscribe = options.onChange(schedule);
  const close = () => {
    if (!open) return;
    open = false;
    unsubscribe();
    options.onClose?.();
  };
  port.onDisconnect.addListener(close);
  port.onMessage.addListener(() => {
    close();
    port.disconnect();
  });
  schedule();
  return () => open;
}
