import { bodyText, outsideBodies, readAuthor, readTime } from '@/lib/forges/github/comment';
import { oneLineText, queryStatic } from '@/lib/forges/github/dom';
import { findReviewThreads } from '@/lib/forges/github/review-threads';
import { commentBodies, reviewSummaries, reviewThreads, timelineItems } from '@/lib/forges/github/selectors';
import type {
  ReviewActivity,
  ReviewCommentActivity,
  ReviewState,
  ReviewSummaryActivity,
} from '@/lib/forges/page-data';

/*
 * The review activity of a PR's Conversation timeline, as the input of "Send new review comments": every
 * review summary that has a body and every review comment, each with the id GitHub anchors it with, so that
 * "what was already sent" is a set of ids. Plain DOM reading (the GitHub content script uses it, no zod).
 */

const REVIEW_ID = /^pullrequestreview-\d+$/;
const THREAD = reviewThreads.join(', ');

/** Summary links on the timeline end with the review's hash (`#pullrequestreview-N`). */
function headerLink(item: Element, id: string): Element | undefined {
  return [...item.querySelectorAll(`a[href$="#${id}"]`)].find((link) => !link.closest(THREAD));
}

function stateOf(header: string): ReviewState | undefined {
  if (/\bapproved\b/i.test(header)) return 'approved';
  if (/\brequested changes\b/i.test(header)) return 'changes_requested';
  if (/\b(reviewed|commented|left a comment)\b/i.test(header)) return 'commented';
  return undefined;
}

/**
 * A review summary: the body is in the element with the review's id; its author, verb and time are in the
 * timeline item's header (the body's own header has no time). Reviews without a body give null: their
 * comments are activity of their own.
 */
function readSummary(element: Element): ReviewSummaryActivity | null {
  const [body] = outsideBodies(element, commentBodies.join(', '), THREAD);
  const text = body ? bodyText(body) : '';
  if (!text) return null;
  const item = element.closest(timelineItems.join(', ')) ?? element.parentElement ?? element;
  const link = headerLink(item, element.id);
  const header = link?.parentElement ?? undefined;
  const state = stateOf(oneLineText(header));
  return {
    kind: 'review',
    id: element.id,
    author: (header && readAuthor(header)) || readAuthor(element),
    time: (link && readTime(link.parentElement ?? link)) || readTime(element),
    body: text,
    ...(state && { state }),
  };
}

function summaries(root: ParentNode): ReviewSummaryActivity[] {
  return queryStatic(root, reviewSummaries.join(', '))
    .filter((element) => REVIEW_ID.test(element.id))
    .flatMap((element) => readSummary(element) ?? []);
}

function comments(root: ParentNode): ReviewCommentActivity[] {
  return findReviewThreads(root).flatMap((thread) =>
    thread.comments
      .filter((comment) => comment.id)
      .map((comment, index) => ({
        kind: 'comment' as const,
        ...comment,
        threadId: thread.id,
        path: thread.path,
        range: thread.range,
        isReply: index > 0 || comment.id !== thread.id,
        outdated: thread.outdated,
        resolved: thread.resolved,
      })),
  );
}

/** Oldest first by time (stable); items without a time go last, in page order. */
function byTime(items: ReviewActivity[]): ReviewActivity[] {
  const at = (item: ReviewActivity) => Date.parse(item.time) || Number.POSITIVE_INFINITY;
  return items
    .map((item, index) => ({ item, index, time: at(item) }))
    .sort((a, b) => (a.time === b.time ? a.index - b.index : a.time < b.time ? -1 : 1))
    .map(({ item }) => item);
}

/**
 * Every review summary (with a body) and review comment under `root`, oldest first, once each. Comments of
 * collapsed resolved threads and of items behind "Load more" are not in the page, so they are missing;
 * plain conversation comments, pending drafts and dismissal events are not review activity.
 */
export function collectReviewActivity(root: ParentNode): ReviewActivity[] {
  const seen = new Set<string>();
  const items = [...summaries(root), ...comments(root)].filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
  return byTime(items);
}
