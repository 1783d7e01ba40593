import { describe, expect, it } from 'vitest';
import { readPrBranches } from '@/lib/forges/github/branches';
import type { PrBranches } from '@/lib/forges/page-data';

/** Parses a page body, for header variants no fixture covers. */
function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

/** The React summary row with a base and a head link. */
function summary(base: string, head: string): string {
  return `<div class="PullRequestHeaderSummary-module__summary--a1"><div class="d-flex">${base} from ${head}</div></div>`;
}

describe('readPrBranches', () => {
  it.each<[string, string, PrBranches]>([
    [
      'a renamed fork, from the absolute ref after the link',
      summary(
        '<a class="PullRequestBranchName-module__x--1" href="/o/r/tree/main">main</a><span>o/r:main</span>',
        '<a class="PullRequestBranchName-module__x--1" href="/dev/r-fork/tree/fix/%2312">dev:fix/#12</a><span>dev/r-fork:fix/#12</span>',
      ),
      { headRepository: 'dev/r-fork', headBranch: 'fix/#12', baseBranch: 'main', isFork: true },
    ],
    [
      'a fork, from the link target when there is no absolute ref',
      summary(
        '<a class="PullRequestBranchName-module__x--1" href="/o/r/tree/release/1.x">release/1.x</a>',
        '<a class="PullRequestBranchName-module__x--1" href="/dev/r-fork/tree/patch-1">dev:patch-1</a>',
      ),
      { headRepository: 'dev/r-fork', headBranch: 'patch-1', baseBranch: 'release/1.x', isFork: true },
    ],
    [
      'a fork, from the visible owner:branch alone',
      summary(
        '<a class="PullRequestBranchName-module__x--1">main</a>',
        '<a class="PullRequestBranchName-module__x--1">dev:patch-1</a>',
      ),
      { headRepository: 'dev/r', headBranch: 'patch-1', baseBranch: 'main', isFork: true },
    ],
    [
      'a same-repo PR whose owner differs only in case',
      summary(
        '<a class="PullRequestBranchName-module__x--1" title="O/R:main">main</a>',
        '<a class="PullRequestBranchName-module__x--1" title="O/R:feat/a">feat/a</a>',
      ),
      { headRepository: 'O/R', headBranch: 'feat/a', baseBranch: 'main', isFork: false },
    ],
    [
      'a legacy cross-repo ref',
      `<span class="commit-ref base-ref" title="o/r:main"><a href="/o/r/tree/main">main</a></span>
       <span class="commit-ref head-ref" title="dev/r:docs/typo"><a href="/dev/r/tree/docs/typo"><span>dev:docs/typo</span></a></span>`,
      { headRepository: 'dev/r', headBranch: 'docs/typo', baseBranch: 'main', isFork: true },
    ],
  ])('should read %s', (_, body, expected) => {
    const doc = page(body);

    const actual = readPrBranches(doc, 'o/r');

    expect(actual).toStrictEqual(expected);
  });

  it('should read the head from the copy button when the summary is unknown', () => {
    const doc = page(`<span><a href="/o/r/tree/feat/b">feat/b</a><span class="sr-only">Head</span>
      <button aria-label="Copy head branch name to clipboard"></button></span>`);

    const actual = readPrBranches(doc, 'o/r');

    expect(actual).toStrictEqual({ headRepository: 'o/r', headBranch: 'feat/b', isFork: false });
  });

  it('should skip the sticky header copy', () => {
    const doc = page(`
      <div class="X-module__stickyHeader--a">${summary(
        '<a class="PullRequestBranchName-module__x--1">main</a>',
        '<a class="PullRequestBranchName-module__x--1">stale</a>',
      )}</div>
      ${summary('<a class="PullRequestBranchName-module__x--1">main</a>', '<a class="PullRequestBranchName-module__x--1">fresh</a>')}`);

    const actual = readPrBranches(doc, 'o/r');

    expect(actual?.headBranch).toBe('fresh');
  });

  it.each([
    ['no branch links', '<main><h1>Title</h1></main>'],
    [
      'a deleted head repository',
      '<span class="head-ref"><span title="This repository has been deleted">unknown repository</span></span>',
    ],
  ])('should return undefined for %s', (_, body) => {
    const doc = page(body);

    const actual = readPrBranches(doc, 'o/r');

    expect(actual).toBeUndefined();
  });
});
