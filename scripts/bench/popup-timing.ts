import type { BrowserContext } from '@playwright/test';
import { type Summary, summarise } from './stats.ts';

/** Runs in the popup before its scripts: notes when the first conversation row is in the DOM. */
function recordFirstRow() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('ul li')) {
      Object.assign(window, { __firstRow: performance.now() });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** An extension page to open, in the browser that has its extension. */
export type FirstRowPage = { context: BrowserContext; url: string };

/**
 * Page opened → first conversation row in the DOM, in ms since navigation start, for each of `pages`, opens
 * going round them (a busy moment of the machine lands on all). Each is opened once first, unmeasured (the
 * popup then has the list in its cache). The popup runs as a page here; Playwright cannot open the toolbar
 * popup itself.
 */
export async function firstRowTimes<P extends string>(pages: Record<P, FirstRowPage>, opens: number) {
  const targets = Object.entries(pages) as [P, FirstRowPage][];
  for (const context of new Set(targets.map(([, page]) => page.context)))
    await context.addInitScript(recordFirstRow);
  for (const [, { context, url }] of targets) {
    const warmup = await context.newPage();
    await warmup.goto(url);
    await warmup.locator('ul li').first().waitFor();
    await warmup.close();
  }
  const samples = new Map<P, number[]>(targets.map(([name]) => [name, []]));
  for (let i = 0; i < opens; i++) {
    for (const [name, { context, url }] of targets) {
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(
        () => (window as unknown as { __firstRow?: number }).__firstRow !== undefined,
      );
      samples
        .get(name)
        ?.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
      await page.close();
    }
  }
  return Object.fromEntries(targets.map(([name]) => [name, summarise(samples.get(name) ?? [])])) as Record<
    P,
    Summary
  >;
}
