import * as z from 'zod/mini';
import { sourceSchema } from '@/lib/conversations/start-input';
import { conversationStateSchema } from '@/lib/conversations/state-schema';
import { storedOriginSchema } from '@/lib/server/origin-schema';

/**
 * A conversation this extension started (or found on the server for a GitHub item: `foundOnServer`), as kept in `storage.local` (lib/storage/conversations.ts). The
 * service worker can stop at any time, so everything polling needs to resume lives here. zod/mini, like every
 * stored shape a page reads: zod classic would weigh on the pages' bundles.
 */
export const conversationRecordSchema = z.object({
  /** Local id: the V1 start-task id, or the V0 conversation id. */
  id: z.string().check(z.minLength(1)),
  serverUrl: storedOriginSchema,
  apiVersion: z.enum(['v1', 'v0']),
  taskId: z.nullable(z.string()),
  conversationId: z.nullable(z.string()),
  /** Null for a conversation started without a repository (records stored before that have a string). */
  repository: z.nullable(z.string()),
  branch: z.nullable(z.string()),
  prNumber: z.nullable(z.int()),
  title: z.string(),
  source: sourceSchema,
  state: conversationStateSchema,
  /** The start task's status (`AppConversationStartTaskStatus`) while starting; the stage shown to users. */
  startStatus: z.nullable(z.string()),
  /** Error text from the server (start task `detail`), shown as is. */
  detail: z.nullable(z.string()),
  createdAt: z.string(),
  /** When `state` or `startStatus` last changed. */
  updatedAt: z.string(),
  /** When the server last answered a poll about it. */
  lastPolledAt: z.nullable(z.string()),
  /**
   * Set while polls keep failing (null again after one succeeds): how many failed in a row, since when, and
   * when to ask again. Stored, so backing off and the one-day limit survive service-worker restarts.
   */
  pollFailure: z._default(
    z.nullable(
      z.object({
        count: z.int().check(z.nonnegative()),
        since: z.string(),
        retryAt: z.string(),
        /** Before this the server itself asked not to be asked (`Retry-After`); null when it did not say. */
        notBefore: z._default(z.nullable(z.string()), null),
      }),
    ),
    null,
  ),
  /** False once the conversation reached a final state, sat unchanged for a day or could not be polled for one. */
  polling: z.boolean(),
  /** The last state a notification was shown for, so each change notifies once. */
  notifiedState: z.nullable(conversationStateSchema),
  /** The PRs the conversation lists (the server's `pr_number`, in its order), refreshed by every poll. */
  pullNumbers: z._default(z.array(z.int().check(z.positive())), []),
  /**
   * Not started here: found on the server for a GitHub item (lib/background/records/server-scan.ts) and adopted, so
   * pages, popup, badge and notifications treat it like the others. Only these are trimmed first.
   */
  foundOnServer: z._default(z.boolean(), false),
  /**
   * The page's id for the click that started it (lib/background/starts/starts.ts): asking again with the same
   * id finds this record rather than starting a second conversation. Null when found on the server or stored
   * before issue 17.
   */
  requestId: z._default(z.nullable(z.string()), null),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;
