import type { ForgeResident } from '@/lib/forges/forge';
import { findButtonAnchor } from '@/lib/forges/github/anchor';
import { pageKindOf } from '@/lib/forges/github/gate';
import {
  issueActionsMenu,
  legacyHeaderActions,
  prCodeButtons,
  primerHeaderActions,
  prTitleRows,
  reviewThreads,
  stickyHeaders,
} from '@/lib/forges/github/selectors';

/**
 * What the resident script needs of github.com on every page view (the forge seam's `ForgeResident`,
 * lib/forges/forge.ts): the URL gate, the button's anchor, and the landmarks whose insertion may call for it.
 * No package: the resident's import graph must reach none (tests/unit/lib/content/import-graph.test.ts).
 */
export const githubResident: ForgeResident = {
  pageKindOf,
  findButtonAnchor,
  stickyHeaders,
  landmarks: [
    ...prCodeButtons,
    ...issueActionsMenu,
    ...primerHeaderActions,
    ...prTitleRows,
    ...legacyHeaderActions,
  ],
  reviewThreads,
};
