import type { ForgeThreads } from '@/lib/forges/forge';
import { pageKindOf } from '@/lib/forges/github/gate';
import { findReviewThreadMarks } from '@/lib/forges/github/review-threads';
import { reviewThreadRoots, reviewThreads } from '@/lib/forges/github/selectors';

/**
 * What the "Ask OpenHands" buttons of github.com's review threads need (the forge seam's `ForgeThreads`): a
 * bundle of its own (entrypoints/github-threads.ts), so a PR page with threads loads no full UI until one is used.
 */
export const githubThreads: ForgeThreads = {
  pageKindOf,
  reviewThreadMarks: findReviewThreadMarks,
  threadSelectors: { threads: reviewThreads, roots: reviewThreadRoots },
};
