import type { BrowserContext } from '@playwright/test';
import { routeGitHub } from '../../tests/e2e/support/github.ts';
import { summarise } from './stats.ts';

/**
 * Main-thread script time on a GitHub issue page, from the DevTools Protocol's `Performance.getMetrics`
 * (`ScriptDuration`, which counts content scripts too), measured after the page settled.
 */
export async function scriptTimeOnIssuePage(
  context: BrowserContext,
  loads: number,
  settle: (page: import('@playwright/test').Page) => Promise<void>,
) {
  const url = 'https://github.com/octo-org/hello-world/issues/42';
  await routeGitHub(context, { [url]: { file: 'issue.html' } });
  const scriptMs: number[] = [];
  const taskMs: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url);
    await settle(page);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    scriptMs.push(metric('ScriptDuration') * 1000);
    taskMs.push(metric('TaskDuration') * 1000);
    await cdp.detach();
    await page.close();
  }
  return { script: summarise(scriptMs), task: summarise(taskMs) };
}
