import { z } from 'zod';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, REPOSITORY_PATTERN } from '@/lib/conversations/start-rules';

export { MAX_MESSAGE_CHARS };

/** `owner/repo` as GitHub allows it: letters, digits, `-`, `_`, `.`. */
export const repositorySchema = z
  .string()
  .trim()
  .regex(REPOSITORY_PATTERN, 'Repository must look like owner/repo');

/** Where a conversation came from, so the popup can link back to it. */
export const sourceSchema = z.object({
  kind: z.enum(['issue', 'pull', 'selection']),
  url: z.string().url(),
  /** Issue or PR number, when the source is one. */
  number: z.number().int().positive().optional(),
});
export type ConversationSource = z.infer<typeof sourceSchema>;

/**
 * What a content script or extension page asks the background to start. The background turns it into
 * the server's request (V1 `AppConversationStartRequest` or V0 `InitSessionRequest`).
 */
export const startInputSchema = z.object({
  /** The repository to clone; absent for a conversation without one (OpenHands allows that). */
  repository: repositorySchema.optional(),
  /** Branch to check out; omitted for fork PRs, when the user leaves it empty, and without a repository. */
  branch: z.string().trim().min(1).max(255).optional(),
  /** PR number for PR pages: sent as `pr_number: [n]`. */
  prNumber: z.number().int().positive().optional(),
  title: z.string().trim().min(1).max(MAX_TITLE_CHARS).optional(),
  message: z.string().trim().min(1, 'The message is empty').max(MAX_MESSAGE_CHARS),
  source: sourceSchema,
});
export type StartInput = z.infer<typeof startInputSchema>;
