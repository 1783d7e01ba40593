import type { BrowserContext, Page } from '@playwright/test';
import { readGitHubFixture } from '../../tests/e2e/support/github.ts';
import { BENCH_URLS } from './pages.ts';
import { summarise } from './stats.ts';

/** The resident script marks the host element of its button with this attribute. */
const BUTTON = '[data-openhands-button]';
/** The header landmark the late-header fixture inserts (Primer PageHeader actions). */
const HEADER = '[data-component="PH_Actions"]';

type Marks = { header?: number; button?: number; swapped?: number; remounted?: number };

/**
 * Runs in the page's own world before its scripts: records when the header landmark appears and when the
 * button is inside it, with a MutationObserver (its callbacks run right after each DOM change).
 */
function recordInsertions(selectors: { header: string; button: string }) {
  const marks: Marks = {};
  Object.assign(window, { __benchMarks: marks });
  new MutationObserver(() => {
    const now = performance.now();
    const header = document.querySelector(selectors.header);
    if (marks.header === undefined && header) marks.header = now;
    if (marks.button === undefined && header?.querySelector(selectors.button)) marks.button = now;
    if (
      marks.swapped !== undefined &&
      marks.remounted === undefined &&
      document.querySelector(selectors.button)
    ) {
      marks.remounted = now;
    }
  }).observe(document, { childList: true, subtree: true });
}

const marks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __benchMarks: Marks }).__benchMarks);

/** Adds the page-world recorder to every page of `context` (once). */
export async function recordButtonInsertions(context: BrowserContext): Promise<void> {
  await context.addInitScript(recordInsertions, { header: HEADER, button: BUTTON });
}

/** Header inserted (late, by the page's own script) → button present in it; one page load per sample. */
export async function headerToButtonOnLoad(context: BrowserContext, loads: number) {
  const samples: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.goto(BENCH_URLS.lateHeader);
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks.button !== undefined,
      null,
      { timeout: 10_000 },
    );
    const m = await marks(page);
    samples.push((m.button ?? Number.NaN) - (m.header ?? Number.NaN));
    await page.close();
  }
  return summarise(samples);
}

/**
 * A soft navigation as GitHub's Turbo/React does it: new URL through the History API, new body, then
 * GitHub's events. Measures new body in place → button present again.
 */
export async function softNavigationToButton(context: BrowserContext, navigations: number) {
  const bodies = {
    [BENCH_URLS.issue]: bodyOf(readGitHubFixture('issue.html')),
    [BENCH_URLS.pull]: bodyOf(readGitHubFixture('pull.html')),
  };
  const page = await context.newPage();
  await page.goto(BENCH_URLS.issue);
  await page.locator(BUTTON).first().waitFor({ state: 'attached' });
  const samples: number[] = [];
  for (let i = 0; i < navigations; i++) {
    const target = i % 2 === 0 ? BENCH_URLS.pull : BENCH_URLS.issue;
    await page.evaluate(
      ({ url, body }) => {
        const m = (window as unknown as { __benchMarks: Marks }).__benchMarks;
        m.remounted = undefined;
        history.pushState({}, '', url);
        document.body.innerHTML = body;
        m.swapped = performance.now();
        document.dispatchEvent(new Event('turbo:render'));
        document.dispatchEvent(new Event('soft-nav:react-done'));
      },
      { url: target, body: bodies[target] as string },
    );
    await page.waitForFunction(
      () => (window as unknown as { __benchMarks: Marks }).__benchMarks.remounted !== undefined,
    );
    const m = await marks(page);
    samples.push((m.remounted ?? Number.NaN) - (m.swapped ?? Number.NaN));
  }
  await page.close();
  return summarise(samples);
}

function bodyOf(html: string): string {
  return html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.lastIndexOf('</body>'));
}
