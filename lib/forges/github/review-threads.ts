import {
  hasAuthorOrBody,
  outsideBodies,
  readAuthor,
  readBody,
  readTime,
  reviewCommentId,
  reviewCommentNumber,
} from '@/lib/forges/github/comment';
import { type DiffLine, hunkText, ownRows, readDiffLines, rowsAbove } from '@/lib/forges/github/diff-hunk';
import { oneLineText, queryStatic } from '@/lib/forges/github/dom';
import {
  commentHeaderActions,
  diffFilePaths,
  diffFiles,
  diffTables,
  reviewComments,
  reviewThreadContainers,
  reviewThreadHeadings,
  reviewThreadRangeEnds,
  reviewThreadRangeStarts,
  reviewThreadSingleLines,
  reviewThreads,
  threadHeaderPaths,
  threadLabels,
  threadResolveForms,
} from '@/lib/forges/github/selectors';
import type {
  DiffSide,
  LineRange,
  ReviewThread,
  ThreadAnchor,
  ThreadComment,
  ThreadLayout,
  ThreadMark,
} from '@/lib/forges/page-data';

/*
 * Review threads on a PR's Files/Changes tab (React), its Conversation timeline, and the legacy Files tab
 * (older GHE). Plain DOM reading, no zod: the GitHub content script uses it. Evidence: the fixtures
 * tests/fixtures/github/*-threads.html (what each imitates: tests/fixtures/github/README.md) and the real-page
 * lane (tests/e2e/real-pages.spec.ts).
 */

type Located = { element: Element; layout: ThreadLayout };

/** The closest ancestor matching the first selector that has one (earlier selectors win). */
function closestOf(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const match = element.closest(selector);
    if (match) return match;
  }
  return null;
}

function locate(match: Element): Located {
  if (match.matches('[data-testid="review-thread"]')) {
    return { element: closestOf(match, reviewThreadContainers) ?? match, layout: 'files' };
  }
  return { element: match, layout: match.matches('td') ? 'legacy-files' : 'timeline' };
}

const COMMENT = reviewComments.join(', ');
/** Anything inside a comment (or a pending draft) is not the thread's own chrome. */
const IN_COMMENT = `${COMMENT}, .review-comment, [data-marker-navigation-comment-id]`;

/** The thread's own comment elements; a comment inside another one (a quoted widget) is part of its body. */
function commentElements(thread: Element): Element[] {
  const elements = outsideBodies(thread, COMMENT);
  return elements.filter(
    (element) => !elements.some((other) => other !== element && other.contains(element)),
  );
}

function readComments(thread: Element): { comments: ThreadComment[]; numbers: number[] } {
  const numbers: number[] = [];
  const comments = commentElements(thread).map((element) => {
    const number = reviewCommentNumber(element);
    if (number !== undefined) numbers.push(number);
    return {
      id: number === undefined ? '' : reviewCommentId(number),
      author: readAuthor(element),
      time: readTime(element),
      body: readBody(element),
    };
  });
  return { comments: comments.filter((comment) => comment.author || comment.body), numbers };
}

/** Chrome of the thread itself: not inside its comments. */
function threadChrome(thread: Element, selector: string): Element[] {
  return outsideBodies(thread, selector, IN_COMMENT);
}

function hasLabel(thread: Element, text: string): boolean {
  return threadChrome(thread, threadLabels.join(', ')).some((label) => oneLineText(label) === text);
}

function isResolved(thread: Element): boolean {
  if (thread.getAttribute('data-resolved') === 'true') return true;
  if (thread.querySelector('.js-resolvable-thread-contents.d-none')) return true;
  const unresolve = threadChrome(thread, 'button').some((button) =>
    /^unresolve\b/i.test(button.getAttribute('aria-label') || oneLineText(button)),
  );
  return unresolve || hasLabel(thread, 'Resolved');
}

/** Review comment ids a collapsed timeline thread lists without rendering the comments. */
function hiddenCommentNumbers(thread: Element): number[] {
  return (thread.getAttribute('data-hidden-comment-ids') ?? '')
    .split(',')
    .map((id) => Number(id.trim()))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

/** GitHub's own thread id: React `PRRT_…`, else the number in the resolve form, deferred URL or turbo-frame. */
function nativeThreadId(thread: Element): string | undefined {
  const marker = thread.closest('[data-marker-id]')?.getAttribute('data-marker-id');
  if (marker) return marker;
  const form = threadChrome(thread, threadResolveForms.join(', '))[0]?.getAttribute('action') ?? '';
  const url = thread.getAttribute('data-deferred-content-url') ?? '';
  const frame = thread.closest('turbo-frame')?.id ?? '';
  return (
    /\/threads\/(\d+)/.exec(form)?.[1] ??
    /\/threads\/(\d+)/.exec(url)?.[1] ??
    /^review-thread-or-comment-id-(\d+)$/.exec(frame)?.[1]
  );
}

/** A path element's value: the attribute that carries it, else its text without direction marks. */
function readDiffPath(element: Element): string {
  const label = element.getAttribute('aria-label') ?? '';
  if (element.localName === 'table' && label.startsWith('Diff for: ')) return label.slice(10).trim();
  const attribute = element.getAttribute('data-file-path') ?? element.getAttribute('data-path');
  if (attribute) return attribute.trim();
  // A renamed file's heading shows both names; its screen-reader text says which one is new
  const renamed = / renamed to (.+)$/.exec(oneLineText(element.querySelector('.sr-only')))?.[1];
  if (renamed) return renamed.replace(/[\u200E\u200F]/g, '').trim();
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
  return oneLineText(copy)
    .replace(/[\u200E\u200F]/g, '')
    .trim();
}

function readPath(thread: Element, layout: ThreadLayout): string | null {
  if (layout === 'timeline') {
    for (const selector of threadHeaderPaths) {
      const [link] = threadChrome(thread, selector);
      const text = link && oneLineText(link);
      if (text) return text;
    }
  } else {
    const file = closestOf(thread, diffFiles);
    for (const selector of diffFilePaths) {
      const element = thread.closest(selector) ?? (file && queryStatic(file, selector)[0]);
      const path = element && readDiffPath(element);
      if (path) return path;
    }
  }
  // Reply forms name the file (timeline and legacy)
  const input = thread.querySelector('input[name="path"]')?.getAttribute('value');
  return input?.trim() || null;
}

function signedSide(sign: string | undefined): DiffSide {
  return sign === 'L' || sign === '-' ? 'L' : 'R';
}

/** "Comment on lines R42 to R43" (React) or "+42"/"-12" (timeline), else null. */
function parseRange(text: string): LineRange | null {
  const match = /Comment on lines?\s+([LR+-]?)(\d+)(?:\s+to\s+([LR+-]?)(\d+))?/i.exec(text);
  if (!match) return null;
  const startSide = signedSide(match[1]);
  const start = Number(match[2]);
  const side = match[4] ? signedSide(match[3]) : startSide;
  return { start, startSide, end: match[4] ? Number(match[4]) : start, side };
}

function signedLine(element: Element | undefined): { side: DiffSide; line: number } | null {
  const match = /([+-]?)(\d+)/.exec(oneLineText(element));
  return match ? { side: signedSide(match[1]), line: Number(match[2]) } : null;
}

function headingRange(thread: Element): LineRange | null {
  const heading = threadChrome(thread, reviewThreadHeadings.join(', '))[0];
  if (heading) return parseRange(oneLineText(heading));
  const start = signedLine(threadChrome(thread, reviewThreadRangeStarts.join(', '))[0]);
  const end = signedLine(threadChrome(thread, reviewThreadRangeEnds.join(', '))[0]);
  if (start && end) return { start: start.line, startSide: start.side, end: end.line, side: end.side };
  const single = signedLine(threadChrome(thread, reviewThreadSingleLines.join(', '))[0]);
  return single && { start: single.line, startSide: single.side, end: single.line, side: single.side };
}

/** A thread cell in one half of a split row belongs to that side. */
function cellSide(thread: Element): DiffSide | undefined {
  const cell = thread.closest('td');
  const cells = cell?.parentElement ? [...cell.parentElement.children] : [];
  if (!cell || cells.length < 2) return undefined;
  return cells.indexOf(cell) < cells.length / 2 ? 'L' : 'R';
}

/** Without a heading: the last line shown above the thread is the commented one. */
function lastLineRange(lines: readonly DiffLine[], side: DiffSide | undefined): LineRange | null {
  const line = lines.findLast((candidate) =>
    side === 'L' ? candidate.kind !== '+' : side === 'R' ? candidate.kind !== '-' : true,
  );
  if (!line) return null;
  const lineSide = side ?? (line.kind === '-' ? 'L' : 'R');
  const number = lineSide === 'L' ? line.oldLine : line.newLine;
  return number ? { start: number, startSide: lineSide, end: number, side: lineSide } : null;
}

/** The diff lines shown with the thread: the timeline's mini diff, or the file's hunk above the thread. */
function shownLines(thread: Element, layout: ThreadLayout): DiffLine[] {
  if (layout === 'timeline') {
    const table = threadChrome(thread, diffTables.join(', '))[0];
    return table ? readDiffLines(ownRows(table)) : [];
  }
  const row = thread.closest('tr');
  const inDiff = row?.parentElement?.closest(diffTables.join(', '));
  return row && inDiff ? readDiffLines(rowsAbove(row)) : [];
}

/** Whether `element` is hidden by something inside `thread` (a collapsed resolved thread). */
function isHiddenIn(element: Element, thread: Element): boolean {
  const hidden = element.closest('[hidden], .d-none');
  return hidden !== null && thread.contains(hidden);
}

function findAnchor(thread: Element, layout: ThreadLayout, firstComment: Element | undefined): ThreadAnchor {
  if (layout === 'timeline') {
    const [link] = threadChrome(thread, threadHeaderPaths.join(', '));
    if (link) return { element: link, position: 'after' };
    const [form] = threadChrome(thread, threadResolveForms.join(', '));
    return form ? { element: form, position: 'before' } : { element: thread, position: 'append' };
  }
  const actions = firstComment && outsideBodies(firstComment, commentHeaderActions.join(', '))[0];
  // A resolved thread's comments may be hidden; its header stays visible
  if (actions && !isHiddenIn(actions, thread)) return { element: actions, position: 'prepend' };
  const [heading] = threadChrome(thread, reviewThreadHeadings.join(', '));
  if (heading) return { element: heading, position: 'after' };
  return { element: thread, position: layout === 'files' ? 'prepend' : 'append' };
}

/**
 * The thread's id: its first review comment (shown, or listed by a collapsed thread), else GitHub's own thread
 * id; `first` is that comment's id. Null for a thread with no comment and nothing deferred (an empty composer).
 */
function identify(
  thread: Element,
  commentCount: number,
  numbers: readonly number[],
): { id: string; first?: string; collapsed: boolean; deferredUrl?: string } | null {
  const deferredUrl = thread.getAttribute('data-deferred-content-url') || undefined;
  const collapsed = commentCount === 0 && deferredUrl !== undefined;
  if (commentCount === 0 && !collapsed) return null;
  const known = [...numbers, ...hiddenCommentNumbers(thread)];
  const first = known.length > 0 ? reviewCommentId(Math.min(...known)) : undefined;
  const native = nativeThreadId(thread);
  const id = first ?? (native && `thread-${native}`);
  return id ? { id, first, collapsed, deferredUrl } : null;
}

function markThread({ element: thread, layout }: Located): ThreadMark | null {
  const elements = commentElements(thread);
  const numbers = elements.flatMap((element) => reviewCommentNumber(element) ?? []);
  // Counted as readThread counts comments (those with an author or a body), so both find the same threads
  const identity = identify(thread, elements.filter(hasAuthorOrBody).length, numbers);
  // The first comment is never inside another one, so it is also the first of `elements`
  return identity && { id: identity.id, anchor: findAnchor(thread, layout, elements[0]) };
}

function readThread({ element: thread, layout }: Located): ReviewThread | null {
  const { comments, numbers } = readComments(thread);
  const identity = identify(thread, comments.length, numbers);
  if (!identity) return null;
  const { id, first, collapsed, deferredUrl } = identity;
  const lines = shownLines(thread, layout);
  const range =
    headingRange(thread) ?? lastLineRange(lines, layout === 'timeline' ? undefined : cellSide(thread));
  return {
    id,
    layout,
    anchor: findAnchor(thread, layout, outsideBodies(thread, COMMENT)[0]),
    path: readPath(thread, layout),
    range,
    hunk: hunkText(lines, range),
    outdated: hasLabel(thread, 'Outdated'),
    resolved: isResolved(thread),
    collapsed,
    ...(collapsed && { deferredUrl }),
    permalink: first ? `#${first}` : null,
    comments,
  };
}

/** Each thread under `root` once, in document order: the first match of an element wins over its parts. */
function locateThreads(root: ParentNode): Located[] {
  const located: Located[] = [];
  for (const match of queryStatic(root, reviewThreads.join(', '))) {
    const found = locate(match);
    const overlaps = located.some(
      ({ element }) => element.contains(found.element) || found.element.contains(element),
    );
    if (!overlaps) located.push(found);
  }
  return located;
}

/** `read` of each located thread, without the ones it rejects or a second thread with the same id. */
function distinct<T extends { id: string }>(root: ParentNode, read: (located: Located) => T | null): T[] {
  const threads: T[] = [];
  for (const thread of locateThreads(root).map(read)) {
    if (thread && !threads.some((other) => other.id === thread.id)) threads.push(thread);
  }
  return threads;
}

/**
 * Every review thread under `root` (a page or a part of one), in document order, once each. Works on the
 * React Files/Changes view, the Conversation timeline and the legacy Files tab; unknown markup gives [].
 * Threads behind "Load more" are not in the page; collapsed resolved threads come with `collapsed`.
 */
export function findReviewThreads(root: ParentNode): ReviewThread[] {
  return distinct(root, readThread);
}

/**
 * Where each review thread under `root` is and its id, as `findReviewThreads` gives them, without reading
 * comments, paths or diffs: enough to place a button on every thread of a page, cheaply.
 */
export function findReviewThreadMarks(root: ParentNode): ThreadMark[] {
  return distinct(root, markThread);
}
