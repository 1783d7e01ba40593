import { randomUUID } from 'node:crypto';
import type { PendingMessage, ReceivedMessage } from './types.ts';

/**
 * Messages conversations received (send-message, or the pending queue delivered at READY), and the pending
 * queues themselves. Queues are keyed by the id exactly as the client sent it, like the real server's
 * `pending_messages.conversation_id` column: only `task-<hex task id>` (the web app's form) is moved to the
 * conversation at READY, so a client that queues under another form sees its message never arrive.
 */

/** The real server refuses an 11th queued message per conversation (HTTP 429). */
export const MAX_PENDING_MESSAGES = 10;

/** The text parts of a message's content, joined: what tests usually compare. */
function textOf(content: unknown[]): string {
  return content
    .flatMap((item) =>
      typeof item === 'object' && item !== null && 'text' in item && typeof item.text === 'string'
        ? [item.text]
        : [],
    )
    .join('\n');
}

export class Mailboxes {
  private readonly received = new Map<string, ReceivedMessage[]>();
  private readonly pending = new Map<string, PendingMessage[]>();

  reset(): void {
    this.received.clear();
    this.pending.clear();
  }

  /** What a conversation received, in order. */
  receivedBy(conversationId: string): ReceivedMessage[] {
    return this.received.get(conversationId) ?? [];
  }

  receive(
    conversationId: string,
    message: { role: string; content: unknown[]; run: boolean },
    via: ReceivedMessage['via'],
    at: string,
  ): ReceivedMessage {
    const entry: ReceivedMessage = { ...message, text: textOf(message.content), via, at };
    this.received.set(conversationId, [...this.receivedBy(conversationId), entry]);
    return entry;
  }

  /** The queue under exactly this key. */
  queue(key: string): PendingMessage[] {
    return this.pending.get(key) ?? [];
  }

  /** Queues a message; null when the queue is full. */
  enqueue(key: string, role: string, content: unknown[], at: string): PendingMessage | null {
    const queue = this.queue(key);
    if (queue.length >= MAX_PENDING_MESSAGES) return null;
    const entry: PendingMessage = { id: randomUUID(), role, content, text: textOf(content), queued_at: at };
    this.pending.set(key, [...queue, entry]);
    return entry;
  }

  /** Empties the queues under `keys` into the conversation, oldest first (run: true, as the server posts them). */
  deliver(keys: readonly string[], conversationId: string, at: string): void {
    for (const key of keys) {
      for (const message of this.queue(key)) {
        this.receive(
          conversationId,
          { role: message.role, content: message.content, run: true },
          'pending-messages',
          at,
        );
      }
      this.pending.delete(key);
    }
  }
}
