import * as z from 'zod/mini';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { startInputSchema } from '@/lib/conversations/start-input';

/*
 * What the background answers a follow-up with (lib/conversations/follow-up.ts explains follow-ups). zod/mini:
 * extension pages check what they receive with these; GitHub pages by hand (lib/protocol/checks.ts).
 */

/** How a follow-up ended, unless it failed (failures are the reply's `error`, and nothing was sent). */
export const followUpResultSchema = z.discriminatedUnion('kind', [
  /** Delivered to the running agent; `record` is the conversation as now stored (Running again). */
  z.object({ kind: z.literal('sent'), record: conversationRecordSchema }),
  /** Queued for a conversation still starting: the server posts it when the start is ready. */
  z.object({
    kind: z.literal('queued'),
    record: conversationRecordSchema,
    /** 1-based place in the queue. */
    position: z.int(),
  }),
  /**
   * Nothing sent: the conversation was archived (its sandbox is gone). `restart` starts a new one whose first
   * message links the old conversation and carries the follow-up: send it as `conversation.start` when the
   * user chooses "Start a new conversation with this context".
   */
  z.object({ kind: z.literal('archived'), record: conversationRecordSchema, restart: startInputSchema }),
  /** Nothing sent: the server has no follow-up API (V0). `reason` is one line for the menu. */
  z.object({ kind: z.literal('unsupported'), reason: z.string() }),
]);
export type FollowUpResult = z.infer<typeof followUpResultSchema>;

/** What `followUp.sentReviewItems` answers: the asked-for ids already sent, in the order asked. */
export const sentReviewItemsSchema = z.object({ sent: z.array(z.string()) });
export type SentReviewItems = z.infer<typeof sentReviewItemsSchema>;
