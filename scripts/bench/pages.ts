import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { readGitHubFixture } from '../../tests/e2e/support/github.ts';
import { GITHUB_REAL_DIR } from '../../tests/support/github-real.ts';

const REPO = 'https://github.com/octo-org/hello-world';

/** The GitHub stand-ins the bench loads, by name. */
export const BENCH_URLS = {
  issue: `${REPO}/issues/42`,
  issueLarge: `${REPO}/issues/4242`,
  lateHeader: `${REPO}/issues/60`,
  pull: `${REPO}/pull/7`,
  pullThreads: `${REPO}/pull/10`,
  pullManyThreads: `${REPO}/pull/30`,
  repo: REPO,
  code: `${REPO}/blob/main/src/server.js`,
} as const;

/**
 * A real 2026 React PR conversation with 16 review threads (../shared/github-real, never copied here), served at
 * the URL it was captured from, when the folder is beside the checkout.
 */
const REAL_PULL = {
  file: path.join(GITHUB_REAL_DIR, 'pr-conversation-react-ArcReel-1817-2026-08-12.html'),
  url: 'https://github.com/ArcReel/ArcReel/pull/1817',
};

/** Why the real PR page is not measured, or null when it is. */
export const REAL_PULL_MISSING = existsSync(REAL_PULL.file)
  ? null
  : `${REAL_PULL.file} is not there: script time on the real PR page with review threads is skipped`;

/** The pages script time is measured on, by name: issues, PRs, and GitHub pages that are neither. */
export const SCRIPT_TIME_PAGES: Record<string, string> = {
  issue: BENCH_URLS.issue,
  issueLarge: BENCH_URLS.issueLarge,
  pull: BENCH_URLS.pull,
  pullThreads: BENCH_URLS.pullThreads,
  pullManyThreads: BENCH_URLS.pullManyThreads,
  ...(REAL_PULL_MISSING ? {} : { pullReal: REAL_PULL.url }),
  repo: BENCH_URLS.repo,
  code: BENCH_URLS.code,
};

/** Review threads on the pullManyThreads page. */
export const MANY_THREADS = 30;

/** How long after a load script time is read: long enough for the UI bundle a PR's review threads ask for. */
export const settleAfterLoad = (page: Page) => page.waitForTimeout(1_000);

/** Comments on the large issue page, and lines in the code view: long but ordinary GitHub pages. */
const LARGE_ISSUE_COMMENTS = 600;
const CODE_VIEW_LINES = 2_000;

/** A timeline comment as GitHub's React issue view renders it, with a little of everything markdown gives. */
function comment(index: number): string {
  return `
    <div class="react-issue-comment" data-testid="comment-viewer-outer-box-IC_${index}">
      <div data-testid="comment-header"><img alt="" width="20" height="20" src="data:,"><a href="/user${index % 37}">user${index % 37}</a>
        commented <relative-time datetime="2026-03-04T10:00:00Z">on Mar 4, 2026</relative-time>
        <button type="button" aria-label="Comment actions">…</button></div>
      <div class="markdown-body NewMarkdownViewer-module__safe-html-box--cRsz0" data-testid="markdown-body">
        <p dir="auto">Comment ${index}: I can reproduce this on <code>2.3.${index % 10}</code> with <a href="/octo-org/hello-world/issues/${index}">#${index}</a>.</p>
        <ul dir="auto"><li>Run <code>npm start</code></li><li>Open <a href="http://localhost:8080">localhost</a></li><li>See the stack trace</li></ul>
        <div class="highlight"><pre><span class="pl-k">const</span> port <span class="pl-c1">=</span> config.port;</pre><clipboard-copy aria-label="Copy"></clipboard-copy></div>
      </div>
      <div role="toolbar" aria-label="Reactions"><button type="button">👍 ${index % 5}</button><button type="button">🎉 1</button></div>
    </div>`;
}

function largeIssue(): string {
  const html = readGitHubFixture('issue.html');
  const marker = '<div data-testid="issue-timeline-container">';
  const comments = Array.from({ length: LARGE_ISSUE_COMMENTS }, (_, i) => comment(i + 2)).join('');
  return html.replace(marker, `${marker}${comments}`);
}

function longCodeView(): string {
  const html = readGitHubFixture('code.html');
  const lines = [...html.matchAll(/ *<div class="react-code-line".*<\/div>\n/g)].map((match) => match[0]);
  const start = html.indexOf(lines[0] as string);
  const end = html.lastIndexOf(lines.at(-1) as string) + (lines.at(-1) as string).length;
  const many = Array.from({ length: CODE_VIEW_LINES }, (_, i) =>
    (lines[i % lines.length] as string).replace(
      /data-line-number="\d+"><span class="react-line-number">\d+/,
      `data-line-number="${i + 1}"><span class="react-line-number">${i + 1}`,
    ),
  ).join('');
  return html.slice(0, start) + many + html.slice(end);
}

/**
 * pull-many-threads.html with its one review thread (between the `bench:thread-*` markers) repeated
 * MANY_THREADS times, each with its own comment, thread and frame ids (`3071000010` → `3071000020`, …).
 */
function manyThreads(): string {
  const html = readGitHubFixture('pull-many-threads.html');
  const start = html.indexOf('<!-- bench:thread-start -->');
  const end = html.indexOf('<!-- bench:thread-end -->');
  const thread = html.slice(start, end);
  const threads = Array.from({ length: MANY_THREADS }, (_, i) =>
    thread.replace(
      /(?<!\d)(3071|2597)(\d{6})(?!\d)/g,
      (_, prefix: string, n: string) => `${prefix}${String(Number(n) + i * 10).padStart(6, '0')}`,
    ),
  ).join('');
  return html.slice(0, start) + threads + html.slice(end);
}

/**
 * What of GitHub's stylesheets decides where a button can be seen on a real page (as tests/e2e/real-pages.spec.ts
 * adds): the signed-out React PR header hides its actions slot with `d-none`.
 */
const GITHUB_UTILITIES = '<style>.d-none{display:none!important}[hidden]{display:none!important}</style>';

/**
 * Serves every bench page; any other issue number gets the issue fixture (click samples use a new issue each,
 * since the background merges identical starts), anything else on github.com a 404.
 */
export async function routeBenchPages(context: BrowserContext): Promise<void> {
  const pages = new Map<string, string>([
    [BENCH_URLS.issue, readGitHubFixture('issue.html')],
    [BENCH_URLS.issueLarge, largeIssue()],
    [BENCH_URLS.lateHeader, readGitHubFixture('issue-late-header.html')],
    [BENCH_URLS.pull, readGitHubFixture('pull.html')],
    [BENCH_URLS.pullThreads, readGitHubFixture('pull-timeline-threads.html')],
    [BENCH_URLS.pullManyThreads, manyThreads()],
    [BENCH_URLS.repo, readGitHubFixture('repo.html')],
    [BENCH_URLS.code, longCodeView()],
  ]);
  if (!REAL_PULL_MISSING) {
    const html = readFileSync(REAL_PULL.file, 'utf8').replace('</head>', `${GITHUB_UTILITIES}</head>`);
    pages.set(REAL_PULL.url, html);
  }
  const issue = pages.get(BENCH_URLS.issue) as string;
  // The real page's assets and avatars (github.githubassets.com, avatars.githubusercontent.com) fail at once
  await context.route(/^https:\/\/(?!github\.com\/|app\.all-hands\.dev\/)/, (route) => route.abort());
  await context.route('https://github.com/**', async (route) => {
    const url = new URL(route.request().url());
    const key = `${url.origin}${url.pathname}`;
    const body = pages.get(key) ?? (/\/issues\/\d+$/.test(url.pathname) ? issue : undefined);
    await route.fulfill(
      body === undefined
        ? { status: 404, contentType: 'text/html', body: '<!doctype html><title>Not Found</title>' }
        : { status: 200, contentType: 'text/html; charset=utf-8', body },
    );
  });
}
