import { z } from 'zod';
import { repositorySchema } from '@/lib/conversations/start-input';
import type { IssueContext, PageContext, PullContext } from '@/lib/forges/page-data';

/*
 * zod schemas for the page context, for tests and for code that receives a context as data. The content script
 * uses the plain types in context.ts instead (no zod in its bundle); the checks at the bottom keep both in step.
 */

/** The PR's head and base; present only when the page shows the head branch. */
export const prBranchesSchema = z.object({
  headRepository: repositorySchema,
  headBranch: z.string().min(1),
  /** Missing on views that show only the head (e.g. some files-tab headers). */
  baseBranch: z.string().min(1).optional(),
  /** Head repository ≠ page repository: the branch doesn't exist in the page's repository. */
  isFork: z.boolean(),
});

const commonFields = {
  owner: z.string().min(1),
  repo: z.string().min(1),
  repository: repositorySchema,
  number: z.number().int().positive(),
  title: z.string(),
  url: z.url(),
  body: z.string(),
};

export const issueContextSchema = z.object({ kind: z.literal('issue'), ...commonFields });
export const pullContextSchema = z.object({
  kind: z.literal('pull'),
  ...commonFields,
  pr: prBranchesSchema.optional(),
});
export const pageContextSchema = z.discriminatedUnion('kind', [issueContextSchema, pullContextSchema]);

/** Compile-time checks that each schema's output and its plain type are the same, both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ContextSchemasMatchTypes = [
  Expect<Same<z.infer<typeof issueContextSchema>, IssueContext>>,
  Expect<Same<z.infer<typeof pullContextSchema>, PullContext>>,
  Expect<Same<z.infer<typeof pageContextSchema>, PageContext>>,
];
