import * as z from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** The review comments and review summaries already sent to one conversation. */
const sentToConversationSchema = z.object({
  /** Ids as the page names them, oldest first; capped, the oldest dropped first. */
  ids: z.array(z.string()),
  /** When a follow-up carrying some of them was last delivered: the least recent conversation goes first. */
  updatedAt: z.string(),
});
export type SentToConversation = z.infer<typeof sentToConversationSchema>;

/** By conversation record id (lib/conversations/record.ts `id`). */
export const sentByConversationSchema = z.record(z.string(), sentToConversationSchema);
export type SentReviewItemsByConversation = z.infer<typeof sentByConversationSchema>;

/**
 * `local:sentReviewItems`, version 1: what "Send new review comments" already sent, per conversation, so the
 * next send carries only what is new. Written by the background only after a follow-up was delivered
 * (lib/background/follow-ups/sent-review-items.ts keeps it capped).
 */
export const sentReviewItemsItem = defineStoredItem('local:sentReviewItems', {
  schema: sentByConversationSchema,
  fallback: {},
  version: 1,
});
