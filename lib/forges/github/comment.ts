import { readAutomatedComment } from '@/lib/forges/github/automated-comment';
import { oneLineText } from '@/lib/forges/github/dom';
import { commentAuthors, commentBodies } from '@/lib/forges/github/selectors';
import { renderedText } from '@/lib/forges/github/text';

/*
 * One comment's author, time and body, in any layout (React Files view, timeline, legacy). The body of a
 * comment can quote anything, so every lookup skips what sits inside a rendered body.
 */

/** Rendered markdown: whatever is inside is the comment's text, never its chrome. */
const BODY = commentBodies.join(', ');

/** Matches of `selector` in `scope` that are not inside a rendered body (or inside `skip`). */
export function outsideBodies(scope: Element, selector: string, skip = ''): Element[] {
  const inside = skip ? `${BODY}, ${skip}` : BODY;
  return [...scope.querySelectorAll(selector)].filter((element) => {
    const container = element.parentElement?.closest(inside);
    return !container || !scope.contains(container);
  });
}

/** The login in `/alice` or `/apps/copilot-pull-request-reviewer`. */
function loginFromHref(link: Element): string {
  const path = (link.getAttribute('href') ?? '').split(/[?#]/)[0] ?? '';
  return decodeURIComponent(path.split('/').filter(Boolean).at(-1) ?? '');
}

/**
 * Who wrote the comment in `scope`: the author link's text, else its href, else the avatar's `@login`, else what
 * a comment island's JSON says (a bot review not rendered yet).
 */
export function readAuthor(scope: Element): string {
  for (const selector of commentAuthors) {
    const [link] = outsideBodies(scope, selector);
    if (!link) continue;
    const text = link.getAttribute('data-testid') === 'avatar-link' ? '' : oneLineText(link);
    const author = text || loginFromHref(link);
    if (author) return author;
  }
  const avatar = outsideBodies(scope, 'img[alt^="@"]')[0];
  return avatar?.getAttribute('alt')?.slice(1) || (readAutomatedComment(scope)?.author ?? '');
}

/** The `datetime` of the first `relative-time` outside the body, when it is a date; else ''. */
export function readTime(scope: Element, selector = 'relative-time[datetime]'): string {
  const time = outsideBodies(scope, selector)[0]?.getAttribute('datetime') ?? '';
  return time && !Number.isNaN(Date.parse(time)) ? time : '';
}

/** A suggested change as a `pre` of `-old` / `+new` lines, which `renderedText` fences. */
function suggestionBlock(blob: Element): Element[] {
  const doc = blob.ownerDocument;
  const lines = [...blob.querySelectorAll('td.blob-code')].map((cell) => {
    const marker = cell.matches('.blob-code-addition')
      ? '+'
      : cell.matches('.blob-code-deletion')
        ? '-'
        : ' ';
    return `${marker}${(cell.querySelector('.blob-code-inner') ?? cell).textContent ?? ''}`;
  });
  const label = doc.createElement('p');
  label.textContent = 'Suggested change:';
  const pre = doc.createElement('pre');
  pre.textContent = lines.join('\n');
  return [label, pre];
}

/** Whether `readAuthor` or `readBody` would give anything, without rendering the body. */
export function hasAuthorOrBody(scope: Element): boolean {
  return readAuthor(scope) !== '' || Boolean(scope.querySelector(BODY)?.textContent?.trim());
}

/** The first rendered body in `scope` as text (see `bodyText`), else a comment island's; '' when there is none. */
export function readBody(scope: Element): string {
  const body = scope.querySelector(BODY);
  const rendered = body ? bodyText(body) : '';
  return rendered || (readAutomatedComment(scope)?.body ?? '');
}

/** A rendered body's text (see `renderedText`), with suggested changes as diffs instead of their widget. */
export function bodyText(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  for (const blob of copy.querySelectorAll('.js-suggested-changes-blob')) {
    const container = blob.closest('.js-suggested-changes-container') ?? blob;
    container.replaceWith(...suggestionBlock(blob));
  }
  return renderedText(copy);
}

/** `discussion_r123` and the React view's `r123` name the same review comment. */
const REVIEW_COMMENT_ID = /^(?:discussion_)?r(\d+)$/;

/**
 * The database id of the review comment `element` (from its id, else its timestamp link, else a comment island's
 * JSON), else undefined.
 */
export function reviewCommentNumber(element: Element): number | undefined {
  const fromId = REVIEW_COMMENT_ID.exec(element.id)?.[1];
  if (fromId) return Number(fromId);
  for (const link of outsideBodies(element, 'a[href*="#"]')) {
    const hash = (link.getAttribute('href') ?? '').split('#')[1] ?? '';
    const fromLink = REVIEW_COMMENT_ID.exec(hash)?.[1];
    if (fromLink) return Number(fromLink);
  }
  return readAutomatedComment(element)?.number;
}

/** The key and anchor of review comment `number`, the same on every layout: `discussion_r123`. */
export function reviewCommentId(number: number): string {
  return `discussion_r${number}`;
}
