import type { LineRange, PullContext } from '@/lib/forges/page-data';
import { trimBody } from '@/lib/prompts/trim';

/* Wording shared by the review-thread messages: where a comment is, when it was written, and its link. */

/** At most this much of one comment: a long log pasted into a review should not crowd out the rest. */
export const MAX_COMMENT_CHARS = 4_000;

/** `2026-05-02 10:11 UTC`; '' for a missing or unreadable time. */
export function formatTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const VERSION = { L: 'old', R: 'new' } as const;

/**
 * `lines 42 to 43 of the new version`, `line 12 of the old version`; without a range `the whole file`, or
 * `lines not shown` when the page hid them (a collapsed thread).
 */
export function describeRange(range: LineRange | null, linesHidden = false): string {
  if (!range) return linesHidden ? 'lines not shown' : 'the whole file';
  const { start, startSide, end, side } = range;
  if (start === end && startSide === side) return `line ${end} of the ${VERSION[side]} version`;
  if (startSide === side) return `lines ${start} to ${end} of the ${VERSION[side]} version`;
  return `from line ${start} of the ${VERSION[startSide]} version to line ${end} of the ${VERSION[side]} version`;
}

/** `` `src/app.ts`, line 12 of the new version `` — or a note when the page didn't name the file. */
export function describeLocation(path: string | null, range: LineRange | null, linesHidden = false): string {
  const file = path ? `\`${path}\`` : 'a file the page did not name';
  return `${file}, ${describeRange(range, linesHidden)}`;
}

/** `#discussion_r123` (relative to the PR) as a full link; the PR's link when there is none. */
export function pullLink(context: PullContext, permalink: string | null): string {
  return permalink ? `${context.url}${permalink}` : context.url;
}

/** The first lines of every review message: what it is about, and the PR's link. */
export function pullHeading(context: PullContext, about: string): string {
  const title = context.title ? `: "${context.title}"` : '';
  return `${about} pull request #${context.number} in ${context.repository}${title}.\nPull request: ${context.url}`;
}

/** `@alice, 2026-05-02 10:11 UTC:` then the body. */
export function commentEntry(
  context: PullContext,
  comment: { author: string; time: string; body: string; id: string },
  note = '',
): string {
  const when = formatTime(comment.time);
  const who = comment.author ? `@${comment.author}` : 'Someone';
  const link = pullLink(context, comment.id ? `#${comment.id}` : null);
  return `${who}${when ? `, ${when}` : ''}${note}:\n${comment.body ? trimBody(comment.body, link, MAX_COMMENT_CHARS) : '(No text.)'}`;
}
