import { z } from 'zod';
import { sourceSchema } from '@/lib/conversations/start-input';
import { conversationStateSchema } from '@/lib/conversations/state-schema';

/**
 * A conversation this extension started, as kept in `storage.local`. The service worker can stop at any
 * time, so everything polling needs to resume lives here.
 */
export const conversationRecordSchema = z.object({
  /** Local id: the V1 start-task id, or the V0 conversation id. */
  id: z.string().min(1),
  serverUrl: z.string(),
  apiVersion: z.enum(['v1', 'v0']),
  taskId: z.string().nullable(),
  conversationId: z.string().nullable(),
  /** Null for a conversation started without a repository (records stored before that have a string). */
  repository: z.string().nullable(),
  branch: z.string().nullable(),
  prNumber: z.number().int().nullable(),
  title: z.string(),
  source: sourceSchema,
  state: conversationStateSchema,
  /** The start task's status (`AppConversationStartTaskStatus`) while starting; the stage shown to users. */
  startStatus: z.string().nullable(),
  /** Error text from the server (start task `detail`), shown as is. */
  detail: z.string().nullable(),
  createdAt: z.string(),
  /** When `state` or `startStatus` last changed. */
  updatedAt: z.string(),
  /** When the server last answered a poll about it. */
  lastPolledAt: z.string().nullable(),
  /**
   * Set while polls keep failing (null again after one succeeds): how many failed in a row, since when, and
   * when to ask again. Stored, so backing off and the one-day limit survive service-worker restarts.
   */
  pollFailure: z
    .object({ count: z.number().int().nonnegative(), since: z.string(), retryAt: z.string() })
    .nullable()
    .default(null),
  /** False once the conversation reached a final state, sat unchanged for a day or could not be polled for one. */
  polling: z.boolean(),
  /** The last state a notification was shown for, so each change notifies once. */
  notifiedState: z.nullable(conversationStateSchema),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;
