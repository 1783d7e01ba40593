import * as z from 'zod/mini';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, REPOSITORY_PATTERN } from '@/lib/conversations/start-rules';

export { MAX_MESSAGE_CHARS };

// zod/mini: pages (compose, popup) read these shapes, and zod classic would weigh on their bundles.

/** `owner/repo` as GitHub allows it: letters, digits, `-`, `_`, `.`. */
export const repositorySchema = z
  .string()
  .check(z.trim(), z.regex(REPOSITORY_PATTERN, 'Repository must look like owner/repo'));

/** Where a conversation came from, so the popup can link back to it. */
export const sourceSchema = z.object({
  kind: z.enum(['issue', 'pull', 'selection']),
  url: z.url(),
  /** Issue or PR number, when the source is one. */
  number: z.optional(z.int().check(z.positive())),
});
export type ConversationSource = z.infer<typeof sourceSchema>;

/**
 * What a content script or extension page asks the background to start. The background turns it into
 * the server's request (V1 `AppConversationStartRequest` or V0 `InitSessionRequest`).
 */
export const startInputSchema = z.object({
  /** The repository to clone; absent for a conversation without one (OpenHands allows that). */
  repository: z.optional(repositorySchema),
  /** Branch to check out; omitted for fork PRs, when the user leaves it empty, and without a repository. */
  branch: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(255))),
  /** PR number for PR pages: sent as `pr_number: [n]`. */
  prNumber: z.optional(z.int().check(z.positive())),
  title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_CHARS))),
  message: z.string().check(z.trim(), z.minLength(1, 'The message is empty'), z.maxLength(MAX_MESSAGE_CHARS)),
  source: sourceSchema,
});
export type StartInput = z.infer<typeof startInputSchema>;
