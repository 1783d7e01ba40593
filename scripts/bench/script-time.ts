import type { BrowserContext, Page } from '@playwright/test';
import { type Summary, summarise } from './stats.ts';

export type PageTimes = { script: Summary; task: Summary; elements: number };

/**
 * Main-thread script time of each page in `urls` in each browser of `browsers`, from the DevTools Protocol's
 * `Performance.getMetrics` (`ScriptDuration`, which counts content scripts too), after the page settled.
 * Loads go round the browsers and the pages, so a busy moment of the machine spreads over all of them instead
 * of landing on one.
 */
export async function scriptTimes<B extends string>(
  browsers: Record<B, BrowserContext>,
  urls: Record<string, string>,
  loads: number,
  settle: (page: Page) => Promise<void>,
): Promise<Record<B, Record<string, PageTimes>>> {
  type Samples = { script: number[]; task: number[]; elements: number };
  const samples = new Map<string, Samples>();
  const entry = (browser: string, name: string) => {
    const key = `${browser}\u0000${name}`;
    const value = samples.get(key) ?? { script: [], task: [], elements: 0 };
    samples.set(key, value);
    return value;
  };
  for (let i = 0; i < loads; i++) {
    for (const [browser, context] of Object.entries(browsers) as [B, BrowserContext][]) {
      for (const [name, url] of Object.entries(urls)) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
        await page.goto(url);
        await settle(page);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const metric = (key: string) => metrics.find((m) => m.name === key)?.value ?? 0;
        const sample = entry(browser, name);
        sample.script.push(metric('ScriptDuration') * 1000);
        sample.task.push(metric('TaskDuration') * 1000);
        if (i === 0) sample.elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        await cdp.detach();
        await page.close();
      }
    }
  }
  const result = {} as Record<B, Record<string, PageTimes>>;
  for (const browser of Object.keys(browsers) as B[]) {
    result[browser] = Object.fromEntries(
      Object.keys(urls).map((name) => {
        const s = entry(browser, name);
        return [name, { script: summarise(s.script), task: summarise(s.task), elements: s.elements }];
      }),
    );
  }
  return result;
}
