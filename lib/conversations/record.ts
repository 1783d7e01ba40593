import { z } from 'zod';
import { sourceSchema } from '@/lib/start-input';

/** What a conversation is doing, as users see it (from start-task, sandbox and execution statuses). */
export const conversationStateSchema = z.enum([
  'starting',
  'running',
  'waiting_for_confirmation',
  'idle',
  'finished',
  'error',
  'paused',
  'archived',
  'stuck',
]);
export type ConversationState = z.infer<typeof conversationStateSchema>;

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
  lastPolledAt: z.string().nullable(),
  /** False once the conversation reached a final state or sat unchanged for a day. */
  polling: z.boolean(),
  /** The last state a notification was shown for, so each change notifies once. */
  notifiedState: conversationStateSchema.nullable(),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;
