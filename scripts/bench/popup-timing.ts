import type { BrowserContext } from '@playwright/test';
import { summarise } from './stats.ts';

/** Runs in the popup before its scripts: notes when the first conversation row is in the DOM. */
function recordFirstRow() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('ul li')) {
      Object.assign(window, { __firstRow: performance.now() });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Popup opened → first conversation listed, from the cache (the list was loaded once before), in ms since
 * navigation start. The popup runs as a page here; Playwright cannot open the toolbar popup itself.
 */
export async function popupFirstRow(context: BrowserContext, extensionId: string, opens: number) {
  await context.addInitScript(recordFirstRow);
  const url = `chrome-extension://${extensionId}/popup.html`;
  const warmup = await context.newPage();
  await warmup.goto(url);
  await warmup.locator('ul li').first().waitFor();
  await warmup.close();
  const samples: number[] = [];
  for (let i = 0; i < opens; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow !== undefined);
    samples.push(await page.evaluate(() => (window as unknown as { __firstRow: number }).__firstRow));
    await page.close();
  }
  return summarise(samples);
}
