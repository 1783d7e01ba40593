import { readFollowMessage } from '@/lib/content/ui/start/record-check';
import type { FeedHandlers } from '@/lib/content/ui/start/send-flow';
import { followPortName } from '@/lib/conversations/follow';
import { BAD_REPLY, NO_REPLY, RELOADED } from '@/lib/protocol/send';

/** The parts of `runtime.Port` the page uses. */
export type FollowPort = {
  postMessage?(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** The parts of `runtime` the page uses to follow a record. */
export type FollowRuntime = {
  readonly id?: string;
  connect(info: { name: string }): FollowPort;
};

/**
 * Follows the stored record `id` over a port to the background (lib/background/ports/record-watch.ts), which posts the
 * record on connect and on every change. Each message is checked by hand; one that doesn't fit ends the
 * connection like a lost one. A port that ends from the other side says why, as `sendMessage` would.
 */
export function followRecord(runtime: FollowRuntime, id: string, on: FeedHandlers): { close(): void } {
  const reason = () => (runtime.id ? NO_REPLY.message : RELOADED.message);
  let open = true;
  const lose = (why: string) => {
    if (!open) return;
    open = false;
    on.lost(why);
  };
  let port: FollowPort;
  try {
    port = runtime.connect({ name: followPortName(id) });
  } catch {
    // The extension was reloaded: `connect` throws at once
    queueMicrotask(() => lose(reason()));
    return {
      close() {
        open = false;
      },
    };
  }
  port.onMessage.addListener((message) => {
    if (!open) return;
    const record = readFollowMessage(message, id);
    if (record !== undefined) return on.record(record);
    port.disconnect();
    lose(BAD_REPLY.message);
  });
  port.onDisconnect.addListener(() => lose(reason()));
  return {
    close() {
      if (!open) return;
      open = false;
      port.disconnect();
    },
  };
}
