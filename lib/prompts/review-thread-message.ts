import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-rules';
import type { PullContext, ReviewThread } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { branchSection } from '@/lib/prompts/page-message';
import { fenced, markedSection } from '@/lib/prompts/quote';
import { commentEntry, describeLocation, pullHeading, pullLink } from '@/lib/prompts/review-format';
import { cutMiddle } from '@/lib/prompts/trim';

/*
 * "Ask OpenHands" on one review thread: the thread as context (file, lines, the diff shown, every comment
 * with its author, the links), then a last line where the user writes the instruction in the editor.
 * Plain TS (no zod): the GitHub content script builds it.
 */

/** The message's last line; the editor opens with the caret after it. */
export const INSTRUCTION_LINE = 'Your task: ';

/** What the message needs of a thread (no page elements: messages are plain text). */
export type ThreadForMessage = Pick<
  ReviewThread,
  'path' | 'range' | 'hunk' | 'outdated' | 'resolved' | 'collapsed' | 'permalink' | 'comments'
>;

/** Whether the message continues the PR's conversation (no branch to explain) or starts a new one. */
export type ThreadMessageOptions = { followUp: boolean };

function statusLines(thread: ThreadForMessage): string[] {
  const lines: string[] = [];
  if (thread.outdated) {
    lines.push(
      'This thread is outdated: its lines are from an earlier commit of the PR and may have moved or changed since.',
    );
  }
  if (thread.resolved) lines.push('This thread is marked as resolved.');
  return lines;
}

function contextSection(thread: ThreadForMessage): string {
  const diff = thread.hunk ? ['The diff shown with the thread:', fenced(thread.hunk, 'diff')] : [];
  return [
    `File: ${describeLocation(thread.path, thread.range, thread.collapsed)}.`,
    ...statusLines(thread),
    ...diff,
  ].join('\n');
}

function commentsBlock(context: PullContext, thread: ThreadForMessage): string {
  return thread.comments.map((comment) => commentEntry(context, comment)).join('\n\n');
}

function commentsSection(context: PullContext, thread: ThreadForMessage, block: string): string {
  if (thread.comments.length === 0) {
    return `The page did not show this thread's comments (it is collapsed): read them at ${pullLink(context, thread.permalink)}`;
  }
  const count = thread.comments.length === 1 ? '1 comment' : `${thread.comments.length} comments`;
  return markedSection(`Review thread (${count})`, block);
}

function render(
  context: PullContext,
  thread: ThreadForMessage,
  options: ThreadMessageOptions,
  block: string,
) {
  return [
    `${pullHeading(context, 'About a review thread on')}\nThread: ${pullLink(context, thread.permalink)}`,
    ...(options.followUp ? [] : [branchSection(context, 'write')]),
    contextSection(thread),
    commentsSection(context, thread, block),
    INSTRUCTION_LINE,
  ].join('\n\n');
}

/**
 * The message "Ask OpenHands" opens the editor with. A new conversation also learns which branch it is on
 * (fork rules as for the PR button); a follow-up doesn't need it. The comments are cut in the middle when
 * the message would exceed `max`.
 */
export function threadMessage(
  context: PullContext,
  thread: ThreadForMessage,
  options: ThreadMessageOptions,
  max = MAX_MESSAGE_CHARS,
): string {
  const block = commentsBlock(context, thread);
  // Everything but the comments, measured with a one-character stand-in
  const frame = render(context, thread, options, 'x').length - 1;
  return render(context, thread, options, cutMiddle(block, max - frame).text);
}

/** The per-thread button: its accessible name and what it sends. */
export const ASK_ABOUT_THREAD = {
  id: 'ask-thread',
  get label() {
    return t('presets.askThread.label');
  },
  get description() {
    return t('presets.askThread.description');
  },
  message: threadMessage,
} as const;
