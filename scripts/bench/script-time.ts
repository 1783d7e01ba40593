import type { BrowserContext, Page } from '@playwright/test';
import { type Summary, summarise } from './stats.ts';

export type PageTimes = { script: Summary; task: Summary; elements: number };

/**
 * Main-thread script time of each page in `urls`, from the DevTools Protocol's `Performance.getMetrics`
 * (`ScriptDuration`, which counts content scripts too), after the page settled. Loads go round the pages, so
 * a slow moment of the machine spreads over all of them.
 */
export async function scriptTimes(
  context: BrowserContext,
  urls: Record<string, string>,
  loads: number,
  settle: (page: Page) => Promise<void>,
): Promise<Record<string, PageTimes>> {
  const samples = Object.fromEntries(
    Object.keys(urls).map((name) => [name, { script: [] as number[], task: [] as number[], elements: 0 }]),
  );
  for (let i = 0; i < loads; i++) {
    for (const [name, url] of Object.entries(urls)) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      await page.goto(url);
      await settle(page);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (key: string) => metrics.find((m) => m.name === key)?.value ?? 0;
      const entry = samples[name] as (typeof samples)[string];
      entry.script.push(metric('ScriptDuration') * 1000);
      entry.task.push(metric('TaskDuration') * 1000);
      if (i === 0) entry.elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      await cdp.detach();
      await page.close();
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      { script: summarise(s.script), task: summarise(s.task), elements: s.elements },
    ]),
  );
}
