import { describe, expect, it } from 'vitest';
import * as selectors from '@/lib/github/selectors';
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
  },
  pull: {
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
  },
  'pull-fork': {
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
  },
  'pull-legacy': {
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
  },
  'issue-no-landmarks': { ...CONTAINERS, fallbackTitles: 1, issueBodies: 1 },
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
  },
  'issue-late-header': { ...CONTAINERS, fallbackTitles: 1, titles: 1, issueBodies: 1 },
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
    const source = readFileSync('lib/github/selectors.ts', 'utf8');
    const legacy = ["'.gh-header-actions'", "'.gh-header-sticky'", "'.base-ref'", "'.head-ref'"];

    for (const entry of legacy) {
      const line = source.split('\n').findIndex((text) => text.includes(entry));
      expect(source.split('\n')[line - 1], entry).toMatch(/TODO \[\d{4}-\d{2}-\d{2}\]: drop/);
    }
  });
});
