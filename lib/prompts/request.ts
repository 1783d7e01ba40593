import type { PageContext } from '@/lib/github/context';
import { type StartInput, startInputSchema } from '@/lib/start-input';

/** Longest conversation title the server accepts. */
const MAX_TITLE_CHARS = 200;

/** `#42: Fix crash on startup`, shortened with an ellipsis to fit. */
export function conversationTitle(context: PageContext): string {
  const title = context.title ? `#${context.number}: ${context.title}` : `#${context.number}`;
  return title.length <= MAX_TITLE_CHARS ? title : `${title.slice(0, MAX_TITLE_CHARS - 1).trimEnd()}…`;
}

/**
 * The start request for the background. PRs send `prNumber` and the head branch, except fork PRs: their head
 * branch doesn't exist in the page's repository, so the agent starts on the default branch and fetches
 * `pull/N/head` (the message says so). Issues send no branch.
 * @throws {z.ZodError} when the message is empty or longer than `MAX_MESSAGE_CHARS`.
 */
export function buildStartInput(context: PageContext, message: string): StartInput {
  const pull = context.kind === 'pull' ? context : undefined;
  const branch = pull?.pr && !pull.pr.isFork ? pull.pr.headBranch : undefined;
  return startInputSchema.parse({
    repository: context.repository,
    ...(branch && { branch }),
    ...(pull && { prNumber: pull.number }),
    title: conversationTitle(context),
    message,
    source: { kind: context.kind, url: context.url, number: context.number },
  });
}
