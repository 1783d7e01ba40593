import {
  fallbackContainers,
  fallbackTitles,
  issueActionsMenu,
  legacyHeaderActions,
  prActionsRow,
  primerHeaderActions,
  stickyHeaders,
} from '@/lib/github/selectors';

export type AnchorPosition = 'prepend' | 'append' | 'before' | 'after';

/** `actions`: the header actions; `legacy`: the legacy GHE actions; `fallback`: no known landmark yet. */
export type AnchorKind = 'actions' | 'legacy' | 'fallback';

export type ButtonAnchor = { element: Element; position: AnchorPosition; kind: AnchorKind };

/** Page-specific rows first: they never match on the other kind of page, so one order serves both. */
const ACTIONS = [...prActionsRow, ...issueActionsMenu, ...primerHeaderActions];

const STICKY = stickyHeaders.join(', ');

/** Whether `element` belongs to GitHub's sticky copy of the header. */
export function isInStickyHeader(element: Element): boolean {
  return element.closest(STICKY) !== null;
}

/**
 * The first match outside the sticky header of the first selector that has one (earlier selectors win, so
 * generic fallbacks never shadow precise ones). `querySelector` first: the static header usually comes before
 * its sticky copy, and then the rest of the page is never walked.
 */
function first(doc: Document, selectors: readonly string[]): Element | undefined {
  for (const selector of selectors) {
    const match = doc.querySelector(selector);
    if (!match) continue;
    if (!isInStickyHeader(match)) return match;
    for (const element of doc.querySelectorAll(selector)) if (!isInStickyHeader(element)) return element;
  }
  return undefined;
}

/**
 * Where the "Send to OpenHands" button goes: the non-sticky header actions of the issue or PR, else a
 * `fallback` (after the title, else the top of `main`/`body`) so the button is never silently missing.
 * A caller that gets `fallback` should keep watching: React headers can render later (see issue-late-header).
 */
export function findButtonAnchor(doc: Document): ButtonAnchor | null {
  const actions = first(doc, ACTIONS);
  if (actions) return { element: actions, position: 'prepend', kind: 'actions' };
  const legacy = first(doc, legacyHeaderActions);
  if (legacy) return { element: legacy, position: 'prepend', kind: 'legacy' };
  const title = first(doc, fallbackTitles);
  if (title) return { element: title, position: 'after', kind: 'fallback' };
  const container = first(doc, fallbackContainers);
  return container ? { element: container, position: 'prepend', kind: 'fallback' } : null;
}
