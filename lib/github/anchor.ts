import { queryFirst } from '@/lib/github/dom';
import {
  fallbackContainers,
  fallbackTitles,
  issueActionsMenu,
  legacyHeaderActions,
  prActionsRow,
  primerHeaderActions,
} from '@/lib/github/selectors';

export type AnchorPosition = 'prepend' | 'append' | 'before' | 'after';

/** `actions`: the header actions; `legacy`: the legacy GHE actions; `fallback`: no known landmark yet. */
export type AnchorKind = 'actions' | 'legacy' | 'fallback';

export type ButtonAnchor = { element: Element; position: AnchorPosition; kind: AnchorKind };

/** Page-specific rows first: they never match on the other kind of page, so one order serves both. */
const ACTIONS = [...prActionsRow, ...issueActionsMenu, ...primerHeaderActions];

/**
 * Where the "Send to OpenHands" button goes: the non-sticky header actions of the issue or PR, else a
 * `fallback` (after the title, else the top of `main`/`body`) so the button is never silently missing.
 * A caller that gets `fallback` should keep watching: React headers can render later (see issue-late-header).
 */
export function findButtonAnchor(doc: Document): ButtonAnchor | null {
  const actions = queryFirst(doc, ACTIONS);
  if (actions) return { element: actions, position: 'prepend', kind: 'actions' };
  const legacy = queryFirst(doc, legacyHeaderActions);
  if (legacy) return { element: legacy, position: 'prepend', kind: 'legacy' };
  const title = queryFirst(doc, fallbackTitles);
  if (title) return { element: title, position: 'after', kind: 'fallback' };
  const container = queryFirst(doc, fallbackContainers);
  return container ? { element: container, position: 'prepend', kind: 'fallback' } : null;
}
