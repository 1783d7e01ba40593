import { describe, expect, it } from 'vitest';
import * as selectors from '@/lib/forges/github/selectors';
import { FIXTURE_NAMES, type FixtureName, loadFixture } from './fixtures';

type ListName = keyof typeof selectors;

/** `main` and `body`: every fixture has both. */
const CONTAINERS = { fallbackContainers: 2 };

/**
 * How many elements each list matches (all entries together) in each fixture: refined-github's `selector_`
 * pairs, offline. Zero means "absent here"; static + sticky copies count twice.
 */
const EXPECTED_COUNTS: Record<FixtureName, Partial<Record<ListName, number>>> = {
  issue: {
    ...CONTAINERS,
    stickyHeaders: 2,
    issueActionsMenu: 2,
    primerHeaderActions: 2,
    issueHeaderActions: 4,
    prHeaderActions: 2,
    fallbackTitles: 1,
    titles: 2,
    issueBodies: 2,
    // the body and a comment
    commentBodies: 2,
  },
  pull: {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 4,
    prCodeButtons: 2,
    prActionsRow: 2,
    primerHeaderActions: 1,
    prHeaderActions: 3,
    issueHeaderActions: 1,
    fallbackTitles: 1,
    titles: 1,
    issueBodies: 2,
    prBodies: 2,
    prBranchLinks: 4,
    headBranchCopyButtons: 2,
    commentAuthors: 2,
    commentBodies: 2,
    timelineItems: 1,
  },
  'pull-fork': {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 2,
    prCodeButtons: 1,
    prActionsRow: 1,
    primerHeaderActions: 1,
    prHeaderActions: 2,
    issueHeaderActions: 1,
    issueBodies: 1,
    fallbackTitles: 1,
    titles: 1,
    prBodies: 1,
    prBranchLinks: 4,
    headBranchCopyButtons: 2,
    commentAuthors: 1,
    commentBodies: 1,
  },
  'pull-legacy': {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 1,
    legacyHeaderActions: 1,
    prHeaderActions: 1,
    issueHeaderActions: 1,
    issueBodies: 2,
    fallbackTitles: 2,
    titles: 1,
    prBodies: 2,
    legacyBaseRefs: 2,
    legacyHeadRefs: 2,
    commentAuthors: 3,
    commentBodies: 2,
    timelineItems: 1,
  },
  'issue-no-landmarks': { ...CONTAINERS, fallbackTitles: 1, issueBodies: 1, commentBodies: 1 },
  'pull-files': {
    ...CONTAINERS,
    stickyHeaders: 1,
    primerHeaderActions: 2,
    prHeaderActions: 2,
    issueHeaderActions: 2,
    issueBodies: 1,
    fallbackTitles: 1,
    titles: 1,
    headBranchCopyButtons: 2,
    // a bare thread body without comments (no id): findReviewThreads skips it
    reviewThreads: 1,
    commentBodies: 1,
  },
  'issue-late-header': { ...CONTAINERS, fallbackTitles: 1, titles: 1, issueBodies: 1, commentBodies: 1 },
  'pull-files-threads': {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 1,
    primerHeaderActions: 2,
    prHeaderActions: 2,
    issueHeaderActions: 2,
    fallbackTitles: 1,
    titles: 1,
    headBranchCopyButtons: 2,
    // 8 comments, the reply composer's preview, a check annotation
    issueBodies: 10,
    commentBodies: 10,
    // threads A, B, C, D (file level), E (resolved)
    reviewThreads: 5,
    // 5 markers + 4 ReviewThreadContainer wrappers (thread C has none)
    reviewThreadContainers: 9,
    // the annotation's "Check warning on line R46" is outside every marker
    reviewThreadHeadings: 5,
    // 3 + 1 + 1 + 1 + 2; the 3 reply composers are excluded
    reviewComments: 8,
    // AuthorName link + avatar link per comment
    commentAuthors: 16,
    // the file headers' `#diff-…` links (file 3 has none)
    threadHeaderPaths: 2,
    // a resolved thread's comments
    hiddenContainers: 1,
    diffFiles: 3,
    // file 1: aria-label + heading; file 2: heading only; file 3: button + heading
    diffFilePaths: 5,
    // 3 file tables + 1 suggested change
    diffTables: 4,
    // "Member", "AI", "Resolved"
    threadLabels: 3,
    commentHeaderActions: 4,
  },
  'pull-timeline-threads': {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 4,
    prCodeButtons: 2,
    prActionsRow: 2,
    primerHeaderActions: 1,
    prHeaderActions: 3,
    issueHeaderActions: 1,
    fallbackTitles: 1,
    titles: 1,
    prBranchLinks: 4,
    headBranchCopyButtons: 2,
    // description, issue comment, 3 review bodies, 6 + 1 pending review comments, composer preview
    issueBodies: 13,
    prBodies: 12,
    commentBodies: 13,
    // resolved (collapsed), range with replies, outdated, details-based, file level
    reviewThreads: 5,
    reviewThreadRangeStarts: 1,
    reviewThreadRangeEnds: 1,
    reviewThreadSingleLines: 1,
    // the pending draft is excluded
    reviewComments: 6,
    commentAuthors: 17,
    threadHeaderPaths: 5,
    diffTables: 3,
    // 4 reviews + one `…-permalink` link id, which the code's pattern rejects
    reviewSummaries: 5,
    timelineItems: 6,
    // "Author", "Pending" (inside comments), "Outdated"
    threadLabels: 3,
    commentHeaderActions: 2,
    threadResolveForms: 1,
    // the collapsed resolved thread's body and a reply form
    hiddenContainers: 2,
  },
  'pull-legacy-files-threads': {
    reviewThreadRoots: 1,
    ...CONTAINERS,
    stickyHeaders: 1,
    legacyHeaderActions: 1,
    prHeaderActions: 1,
    issueHeaderActions: 1,
    fallbackTitles: 2,
    titles: 1,
    legacyBaseRefs: 2,
    legacyHeadRefs: 2,
    // 4 comments + a reply form's preview
    issueBodies: 5,
    commentBodies: 5,
    reviewThreads: 2,
    reviewComments: 4,
    commentAuthors: 6,
    // the sticky file header, two file headers, an expander
    threadHeaderPaths: 4,
    diffFiles: 3,
    // two static file headers (the sticky copy is excluded) + copilot-diff-entry
    diffFilePaths: 3,
    diffTables: 2,
    commentHeaderActions: 3,
    hiddenContainers: 2,
  },
  'pull-react-automated': {
    // the React view's container wraps the timeline too
    reviewThreadRoots: 2,
    ...CONTAINERS,
    // the signed-out header: PH_Actions is empty and hidden, the header details `hidden`
    primerHeaderActions: 1,
    hiddenContainers: 2,
    prTitleRows: 1,
    issueHeaderActions: 1,
    prHeaderActions: 1,
    fallbackTitles: 1,
    titles: 1,
    // the description, the rendered island, bob's comment
    issueBodies: 3,
    prBodies: 2,
    commentBodies: 3,
    prBranchLinks: 2,
    headBranchCopyButtons: 1,
    // Copilot (island in a wrapper), code quality (island alone), Copilot (rendered), bob, resolved
    reviewThreads: 5,
    reviewThreadRangeStarts: 1,
    reviewThreadRangeEnds: 1,
    reviewThreadSingleLines: 1,
    automatedReviewComments: 3,
    // the 3 islands and the 3 wrappers around comments (two around islands)
    reviewComments: 6,
    // 2 review headers, the rendered island's avatar link, bob
    commentAuthors: 4,
    threadHeaderPaths: 5,
    diffTables: 1,
    reviewSummaries: 2,
    timelineItems: 5,
    // "Low" (the rendered island's severity), "Resolved"
    threadLabels: 2,
    threadResolveForms: 2,
  },
};

const LISTS = Object.entries(selectors).filter((entry): entry is [ListName, string[]] =>
  Array.isArray(entry[1]),
);

describe('selectors', () => {
  describe.each(FIXTURE_NAMES)('in %s', (name) => {
    const doc = loadFixture(name);

    it.each(LISTS)('should match %s the expected number of times', (list, candidates) => {
      const expected = EXPECTED_COUNTS[name][list] ?? 0;

      const actual = doc.querySelectorAll(candidates.join(', ')).length;

      expect(actual).toBe(expected);
    });
  });

  it.each(LISTS)('should keep %s free of build-specific hashed classes', (_, candidates) => {
    const hashed = candidates.filter((candidate) => /--[A-Za-z0-9]{5}\b/.test(candidate));

    expect(hashed).toEqual([]);
  });

  it('should mark every legacy entry with a drop date', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('lib/forges/github/selectors.ts', 'utf8');
    const legacy = [
      "'.gh-header-actions'",
      "'.gh-header-sticky'",
      "'.base-ref'",
      "'.head-ref'",
      "'details.review-thread-component'",
      "'tr.inline-comments > td.line-comments'",
      "'copilot-diff-entry'",
      "'.file-header[data-path]:not(.sticky-file-header)'",
      "'.timeline-comment-actions'",
    ];

    for (const entry of legacy) {
      const line = source.split('\n').findIndex((text) => text.includes(entry));
      expect(source.split('\n')[line - 1], entry).toMatch(/TODO \[\d{4}-\d{2}-\d{2}\]: drop/);
    }
  });
});
