import type { BackgroundPort } from '@/lib/background/ports/port';
import { feedPort } from '@/lib/background/ports/port-feed';
import { followedRecord } from '@/lib/conversations/follow';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { RecordWatchMessage } from '@/lib/protocol/ports';

export type RecordWatchDeps = {
  load(id: string): Promise<ConversationRecord | null>;
  /** Calls `listener` after every write of the stored conversations; returns what unsubscribes it. */
  onChange(listener: () => void): () => void;
};

/**
 * The record port (lib/protocol/ports.ts `record`): the record `id` is posted when the port opens and after
 * every change of the stored record, and only when what the page sees changed. The page sends nothing, so any
 * message ends the port.
 */
export function serveRecordWatch(
  port: BackgroundPort<RecordWatchMessage>,
  id: string,
  deps: RecordWatchDeps,
): void {
  feedPort(port, {
    onChange: deps.onChange,
    build: async () => {
      const record = await deps.load(id);
      return { type: 'conversation.record', record: record && followedRecord(record) };
    },
  });
}
