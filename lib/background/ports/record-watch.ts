import { classifySender, type ExtensionIdentity } from '@/lib/background/messaging/sender';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { feedPort } from '@/lib/background/ports/port-feed';
import { type FollowMessage, followedRecord } from '@/lib/conversations/follow';
import type { ConversationRecord } from '@/lib/conversations/record';
import { followPortNameSchema } from '@/lib/protocol/messages';

export type FollowPort = BackgroundPort<FollowMessage>;

export type FollowDeps = {
  self: ExtensionIdentity;
  load(id: string): Promise<ConversationRecord | null>;
  /** Calls `listener` after every write of the stored conversations; returns what unsubscribes it. */
  onChange(listener: () => void): () => void;
};

/**
 * A page follows a record it started (`runtime.connect({name: 'conversation.follow:<id>'})`): the record is
 * posted on connect and after every change of the stored record, and only when what the page sees changed.
 * Only our extension's pages and GitHub tabs may follow; the page sends nothing, so any message ends the port.
 * Ports with other names are not ours to answer.
 */
export function followConversation(port: FollowPort, deps: FollowDeps): void {
  const id = followPortNameSchema.safeParse(port.name);
  if (!id.success) return;
  if (!port.sender || classifySender(port.sender, deps.self) === 'untrusted') {
    port.disconnect();
    return;
  }
  feedPort(port, {
    onChange: deps.onChange,
    build: async () => {
      const record = await deps.load(id.data);
      return { type: 'conversation.record', record: record && followedRecord(record) };
    },
  });
}
