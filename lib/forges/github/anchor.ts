import type { ButtonAnchor, PageKind } from '@/lib/forges/forge';
import {
  fallbackContainers,
  fallbackTitles,
  hiddenContainers,
  issueActionsMenu,
  legacyHeaderActions,
  prCodeButtons,
  primerHeaderActions,
  prTitleRows,
  stickyHeaders,
} from '@/lib/forges/github/selectors';

const STICKY = stickyHeaders.join(', ');
const HIDDEN = hiddenContainers.join(', ');

/** Whether `element` belongs to GitHub's sticky copy of the header. */
export function isInStickyHeader(element: Element): boolean {
  return element.closest(STICKY) !== null;
}

/** A place the button may go: not in the sticky copy, and not hidden by the page's own markup. */
const usable = (element: Element) => !isInStickyHeader(element) && element.closest(HIDDEN) === null;

/**
 * The first usable match of the first selector that has one (earlier selectors win, so generic fallbacks
 * never shadow precise ones). `querySelector` first: the static header usually comes before its sticky copy,
 * and then the rest of the page is never walked.
 */
function first(doc: Document, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const match = doc.querySelector(selector);
    if (!match) continue;
    if (usable(match)) return match;
    for (const element of doc.querySelectorAll(selector)) if (usable(element)) return element;
  }
  return undefined;
}

/**
 * The row that holds the PR's "Code" button: the `div` parent of a static button, what
 * `div:has(> button…)` finds without testing every `div` of a large page. The first button is nearly always
 * the one, and then the rest of the page is never walked.
 */
function prActionsRow(doc: Document): Element | undefined {
  const isRow = (button: Element | null) => button?.parentElement?.localName === 'div' && usable(button);
  for (const selector of prCodeButtons) {
    const button = doc.querySelector(selector);
    if (!button) continue;
    if (isRow(button)) return button.parentElement ?? undefined;
    for (const other of doc.querySelectorAll(selector))
      if (isRow(other)) return other.parentElement ?? undefined;
  }
  return undefined;
}

/**
 * Where the "Send to OpenHands" button goes on an issue or a PR page: the non-sticky, visible header actions
 * (on a PR whose actions are hidden, the end of the title's row), else a `fallback` (after the title, else the
 * top of `main`/`body`) so the button is never silently missing.
 * Only the landmarks of `kind` are looked for. A caller that gets `fallback` should keep watching: React
 * headers can render later (see issue-late-header).
 */
export function findButtonAnchor(doc: Document, kind: PageKind): ButtonAnchor | null {
  const actions = kind === 'pull' ? prActionsRow(doc) : first(doc, issueActionsMenu);
  const header = actions ?? first(doc, primerHeaderActions);
  if (header) return { element: header, position: 'prepend', kind: 'actions' };
  const titleRow = kind === 'pull' ? first(doc, prTitleRows) : undefined;
  if (titleRow) return { element: titleRow, position: 'append', kind: 'actions' };
  const legacy = first(doc, legacyHeaderActions);
  if (legacy) return { element: legacy, position: 'prepend', kind: 'legacy' };
  const title = first(doc, fallbackTitles);
  if (title) return { element: title, position: 'after', kind: 'fallback' };
  const container = first(doc, fallbackContainers);
  return container ? { element: container, position: 'prepend', kind: 'fallback' } : null;
}
