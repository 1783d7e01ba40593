import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-rules';
import type {
  PullContext,
  ReviewActivity,
  ReviewCommentActivity,
  ReviewState,
  ReviewSummaryActivity,
} from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { markedSection } from '@/lib/prompts/quote';
import { commentEntry, describeLocation, pullHeading, pullLink } from '@/lib/prompts/review-format';
import { cutMiddle } from '@/lib/prompts/trim';

/*
 * "Send new review comments": the review summaries and review comments made since the last send, as one
 * follow-up to the PR's conversation, grouped by file and thread, with links. Plain TS (no zod).
 */

const STATES: Record<ReviewState, string> = {
  approved: 'approved',
  changes_requested: 'changes requested',
  commented: 'commented',
};

const TASK =
  "Reviewers wrote the comments below since my last message. Address them on the PR's branch: make the requested changes, run the tests, commit and push. If you disagree with a comment, leave the code as it is and explain why. Finish with a summary that lists each comment and what you did about it.";

/** A review summary, or the new comments of one thread. */
type Group = { ids: string[]; text: string };

function summaryGroup(context: PullContext, review: ReviewSummaryActivity): Group {
  const state = review.state ? ` (${STATES[review.state]})` : '';
  return {
    ids: [review.id],
    text: `## Review${state}\n${pullLink(context, `#${review.id}`)}\n${commentEntry(context, review)}`,
  };
}

function threadGroup(context: PullContext, comments: ReviewCommentActivity[]): Group {
  const [first] = comments;
  if (!first) return { ids: [], text: '' };
  const status = [first.outdated && 'outdated', first.resolved && 'resolved'].filter(Boolean).join(', ');
  const lines = [
    `## ${describeLocation(first.path, first.range)}${status ? ` (${status})` : ''}`,
    `Thread: ${pullLink(context, `#${first.threadId}`)}`,
  ];
  if (first.isReply) lines.push("(New replies only: the thread's earlier comments are at its link.)");
  const entries = comments.map((comment) =>
    commentEntry(context, comment, comment.isReply ? ' (reply)' : ''),
  );
  return { ids: comments.map((comment) => comment.id), text: [lines.join('\n'), ...entries].join('\n\n') };
}

/** Review summaries first (the verdicts), then threads grouped by file, each in order of its first new item. */
function groups(context: PullContext, activity: readonly ReviewActivity[]): Group[] {
  const reviews = activity.filter((item): item is ReviewSummaryActivity => item.kind === 'review');
  const comments = activity.filter((item): item is ReviewCommentActivity => item.kind === 'comment');
  const threads = new Map<string, ReviewCommentActivity[]>();
  for (const comment of comments)
    threads.set(comment.threadId, [...(threads.get(comment.threadId) ?? []), comment]);
  const files = [...new Set(comments.map((comment) => comment.path))];
  const byFile = [...threads.values()].sort(
    (a, b) => files.indexOf(a[0]?.path ?? null) - files.indexOf(b[0]?.path ?? null),
  );
  return [
    ...reviews.map((review) => summaryGroup(context, review)),
    ...byFile.map((c) => threadGroup(context, c)),
  ];
}

function render(context: PullContext, body: string, left: number): string {
  const rest =
    left > 0
      ? `\n\n[${left} more new review ${left === 1 ? 'item' : 'items'} did not fit into this message: read them at ${context.url}]`
      : '';
  return [
    pullHeading(context, 'New review comments on'),
    TASK,
    markedSection('New review comments', `${body}${rest}`),
  ].join('\n\n');
}

/**
 * The follow-up for `activity` (the new items, see `newSince`), or null when there is none (say
 * `SEND_NEW_REVIEW_COMMENTS.empty`). Groups that don't fit into `max` are left out and named in a note;
 * `sentIds` lists only what the message holds, so the rest stays new for the next send.
 */
export function newReviewCommentsMessage(
  context: PullContext,
  activity: readonly ReviewActivity[],
  max = MAX_MESSAGE_CHARS,
): { message: string; sentIds: string[] } | null {
  const all = groups(context, activity);
  if (all.length === 0) return null;
  const total = all.reduce((count, group) => count + group.ids.length, 0);
  const included: Group[] = [];
  for (const group of all) {
    const ids = [...included, group].reduce((count, g) => count + g.ids.length, 0);
    const text = [...included, group].map((g) => g.text).join('\n\n');
    if (render(context, text, total - ids).length > max) break;
    included.push(group);
  }
  if (included.length === 0) {
    // Even the first group is too long: send it cut in the middle rather than nothing
    const [first] = all as [Group];
    const left = total - first.ids.length;
    const frame = render(context, 'x', left).length - 1;
    return { message: render(context, cutMiddle(first.text, max - frame).text, left), sentIds: first.ids };
  }
  const sentIds = included.flatMap((group) => group.ids);
  const text = included.map((group) => group.text).join('\n\n');
  return { message: render(context, text, total - sentIds.length), sentIds };
}

/** The caret-menu entry of a PR page that has a conversation: its label, what it sends, what it says when empty. */
export const SEND_NEW_REVIEW_COMMENTS = {
  id: 'send-review-comments',
  get label() {
    return t('presets.reviewComments.label');
  },
  get description() {
    return t('presets.reviewComments.description');
  },
  get empty() {
    return t('presets.reviewComments.empty');
  },
  message: newReviewCommentsMessage,
} as const;
