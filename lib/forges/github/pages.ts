import type { ForgePages } from '@/lib/forges/forge';
import { extractPageContext } from '@/lib/forges/github/context';
import { collectReviewActivity } from '@/lib/forges/github/review-activity';
import { findReviewThreads } from '@/lib/forges/github/review-threads';
import { reviewThreadRoots, reviewThreads } from '@/lib/forges/github/selectors';

/** GitHub's issue and PR pages as the UI bundle reads them (the forge seam's `ForgePages`, lib/forges/forge.ts). */
export const githubPages: ForgePages = {
  readContext: (doc, url) => extractPageContext(doc, url),
  reviewThreads: findReviewThreads,
  reviewActivity: collectReviewActivity,
  threadSelectors: { threads: reviewThreads, roots: reviewThreadRoots },
};
