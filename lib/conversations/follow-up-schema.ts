import * as z from 'zod/mini';
import { FOLLOW_UP_STAGES } from '@/lib/conversations/follow-up';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { startInputSchema } from '@/lib/conversations/start-input';
import { messageErrorSchema } from '@/lib/errors/error';

/*
 * What the background answers a follow-up with (lib/conversations/follow-up.ts explains the port). zod/mini:
 * the pages and the GitHub page's on-demand UI check what they receive with these.
 */

export const followUpStageSchema = z.enum(FOLLOW_UP_STAGES);

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

/** A stage reached while the background delivers; the same stage may come again (e.g. while waiting). */
export const followUpProgressSchema = z.object({
  type: z.literal('followUp.progress'),
  stage: followUpStageSchema,
});
export type FollowUpProgress = z.infer<typeof followUpProgressSchema>;

/** The last message on the port: the reply envelope, as `runtime.sendMessage` would have answered. */
export const followUpResultMessageSchema = z.object({
  type: z.literal('followUp.result'),
  reply: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: followUpResultSchema }),
    z.object({ ok: z.literal(false), error: messageErrorSchema }),
  ]),
});
export type FollowUpResultMessage = z.infer<typeof followUpResultMessageSchema>;

/** Anything the background posts on a follow-up port. */
export const followUpPortMessageSchema = z.discriminatedUnion('type', [
  followUpProgressSchema,
  followUpResultMessageSchema,
]);
export type FollowUpPortMessage = z.infer<typeof followUpPortMessageSchema>;

/** What `followUp.sentReviewItems` answers: the asked-for ids already sent, in the order asked. */
export const sentReviewItemsSchema = z.object({ sent: z.array(z.string()) });
export type SentReviewItems = z.infer<typeof sentReviewItemsSchema>;
