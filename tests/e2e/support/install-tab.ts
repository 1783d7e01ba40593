import { type BrowserContext, expect, type Page } from '@playwright/test';

const isOptions = (page: Page) => page.url().endsWith('/options.html');

/**
 * On install the extension opens its options page, in the profile's first tab, a moment after the worker
 * starts. Until then it can take over a tab a test opens, and while it is open "Open options" focuses it
 * instead of opening a page. Waits for it and turns it back into a blank tab (closing the last tab would
 * end the browser). Polled often: every test waits for it, and Playwright's default intervals grow to 1 s.
 */
export async function settleInstallTab(context: BrowserContext): Promise<void> {
  await expect
    .poll(() => context.pages().some(isOptions), { timeout: 5_000, intervals: [50] })
    .toBe(true)
    .catch(() => {});
  for (const page of context.pages().filter(isOptions)) await page.goto('about:blank');
}
