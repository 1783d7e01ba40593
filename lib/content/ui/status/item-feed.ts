import type { FollowRuntime } from '@/lib/content/ui/start/record-watch';
import { readItemMessage } from '@/lib/content/ui/status/item-check';
import { type ItemConversation, type ItemKey, itemPortName } from '@/lib/conversations/item';

export type ItemFeedHandlers = {
  /** The item's conversations, newest first: on connect and after every change. */
  conversations(list: ItemConversation[]): void;
  /** The port ended from the other side (the worker stopped, the extension was reloaded) or sent nonsense. */
  lost(): void;
};

/**
 * Follows the conversations of `item` over the item port (lib/conversations/item.ts). A message that does not
 * fit ends the connection like a lost one; `close` ends it from this side without calling `lost`.
 */
export function followItem(runtime: FollowRuntime, item: ItemKey, on: ItemFeedHandlers): { close(): void } {
  let open = true;
  const lose = () => {
    if (!open) return;
    open = false;
    on.lost();
  };
  let port: ReturnType<FollowRuntime['connect']>;
  try {
    port = runtime.connect({ name: itemPortName(item) });
  } catch {
    // The extension was reloaded: `connect` throws at once
    queueMicrotask(lose);
    return {
      close() {
        open = false;
      },
    };
  }
  port.onMessage.addListener((message) => {
    if (!open) return;
    const list = readItemMessage(message, item);
    if (list) return on.conversations(list);
    port.disconnect();
    lose();
  });
  port.onDisconnect.addListener(lose);
  return {
    close() {
      if (!open) return;
      open = false;
      port.disconnect();
    },
  };
}
