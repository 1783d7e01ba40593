import * as z from 'zod/mini';
import { followUpResultSchema } from '@/lib/conversations/follow-up-schema';
import { eachEntry } from '@/lib/schema/each';
import { defineStoredItem } from '@/lib/storage/stored-item';

/** A follow-up being delivered: how far it got, so a worker stopped meanwhile never invites a second send. */
export const pendingFollowUpSchema = z.object({
  /** The record id of the conversation it goes to. */
  conversation: z.string(),
  at: z.string(),
  /**
   * `checking`: nothing has left yet (reading the conversation, resuming, waiting for the sandbox), so it may be
   * delivered again; `sending` / `queueing`: the POST that carries the text may have reached the server.
   */
  stage: z.enum(['checking', 'sending', 'queueing']),
  /** How it ended, once known: what a page that lost the answer is told. */
  result: z.nullable(followUpResultSchema),
});
export type PendingFollowUp = z.infer<typeof pendingFollowUpSchema>;

/** By request id (the page's id for one Send). Entries are checked one by one. */
const pendingFollowUpsSchema = eachEntry(pendingFollowUpSchema);

/**
 * `session:pendingFollowUps`, version 1: the follow-ups of the last few minutes by request id, written by the
 * background as each one's delivery moves on (lib/background/follow-ups/follow-up.ts). Session area, as
 * pending-starts.ts.
 */
export const pendingFollowUpsItem = defineStoredItem('session:pendingFollowUps', {
  schema: pendingFollowUpsSchema,
  fallback: {},
  version: 1,
});
