import type { BrowserContext, Page } from '@playwright/test';
import { routeGitHub } from '../../tests/e2e/support/github.ts';
import { stopServiceWorker } from '../../tests/e2e/support/service-worker.ts';
import { summarise } from './stats.ts';

/**
 * Click on "Send to OpenHands" → the start request arriving at the OpenHands stand-in, with the service worker
 * running (warm) and stopped just before the click (cold: the browser has to start it first).
 * `startArrivals` holds the arrival time (Date.now()) of each start request, filled by the caller's route.
 */
export async function clickToRequest(
  context: BrowserContext,
  extensionId: string,
  startArrivals: number[],
  samples: number,
  cold: boolean,
) {
  // A different issue per click: the background collapses identical starts made within seconds.
  const offset = cold ? 5000 : 1000;
  const pages: Record<string, { file: string }> = {};
  for (let i = 0; i < samples; i++)
    pages[`https://github.com/octo-org/hello-world/issues/${offset + i}`] = { file: 'issue.html' };
  await routeGitHub(context, pages);
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/popup.html`);
  const timings: number[] = [];
  for (const url of Object.keys(pages)) {
    const page: Page = await context.newPage();
    await page.goto(url);
    const button = page.getByRole('button', { name: 'Send to OpenHands' });
    await button.waitFor();
    if (cold) await stopServiceWorker(context, helper, extensionId);
    const before = startArrivals.length;
    const clickedAt = Date.now();
    await button.click();
    const deadline = Date.now() + 15_000;
    while (startArrivals.length === before && Date.now() < deadline) await page.waitForTimeout(2);
    timings.push((startArrivals[before] ?? Number.NaN) - clickedAt);
    await page.close();
  }
  await helper.close();
  return summarise(timings);
}
