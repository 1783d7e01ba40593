import type { StartInput } from '@/lib/conversations/start-input';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from '@/lib/conversations/start-rules';
import type { PageContext } from '@/lib/forges/page-data';
import { formatNumber, t } from '@/lib/i18n';
import { shorten } from '@/lib/prompts/trim';

/*
 * No zod here: this runs in the GitHub content script. The background validates every `conversation.start`
 * with `startInputSchema` anyway; the checks below only turn the likely mistakes into readable errors first.
 */

/** `#42: Fix crash on startup`, shortened with an ellipsis to fit. */
export function conversationTitle(context: PageContext): string {
  const title = context.title ? `#${context.number}: ${context.title}` : `#${context.number}`;
  return shorten(title, MAX_TITLE_CHARS);
}

/**
 * `message` trimmed, as the background will accept it.
 * @throws {RangeError} with a user-facing message when it is empty or longer than `MAX_MESSAGE_CHARS`.
 */
export function checkMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed) throw new RangeError(t('prompts.messageEmpty'));
  if (trimmed.length > MAX_MESSAGE_CHARS) {
    throw new RangeError(
      t('prompts.messageTooLong', {
        length: formatNumber(trimmed.length),
        max: formatNumber(MAX_MESSAGE_CHARS),
      }),
    );
  }
  return trimmed;
}

/**
 * The start request for the background. PRs send `prNumber` and the head branch, except fork PRs: their head
 * branch doesn't exist in the page's repository, so the agent starts on the default branch and fetches
 * `pull/N/head` (the message says so). Issues send no branch.
 * @throws {RangeError} when the message is empty or longer than `MAX_MESSAGE_CHARS` (see `checkMessage`).
 */
export function buildStartInput(context: PageContext, message: string): StartInput {
  const pull = context.kind === 'pull' ? context : undefined;
  const branch = pull?.pr && !pull.pr.isFork ? pull.pr.headBranch.trim() : undefined;
  return {
    repository: context.repository.trim(),
    // Longer names can't be real git branches; the agent then starts on the default branch
    ...(branch && branch.length <= 255 && { branch }),
    ...(pull && { prNumber: pull.number }),
    title: conversationTitle(context),
    message: checkMessage(message),
    source: { kind: context.kind, url: context.url, number: context.number },
  };
}
