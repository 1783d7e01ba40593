import type { BrowserContext, Page } from '@playwright/test';
import { stopServiceWorker } from '../../tests/e2e/support/service-worker.ts';
import { summarise } from './stats.ts';

/**
 * How a user reaches the button: `pause` moves the pointer onto it, waits as people do before they click
 * (the resident loads the UI as soon as the pointer arrives), then clicks; `at-once` clicks as the pointer
 * arrives; `cold` does the same with the service worker stopped first, so the browser has to start it.
 */
export type ClickPath = 'pause' | 'at-once' | 'cold';

/** The pause between the pointer reaching the button and the click: a quick, deliberate click. */
export const HUMAN_PAUSE_MS = 250;

let nextIssue = 1000;

/** Notes, in the page's own world, when the click event is dispatched (as epoch ms, like `Date.now()`). */
async function noteClicks(page: Page) {
  await page.evaluate(() => {
    window.addEventListener(
      'click',
      () => Object.assign(window, { __clickAt: performance.timeOrigin + performance.now() }),
      {
        capture: true,
      },
    );
  });
}
const clickedAt = (page: Page) => page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);

/** Moves the pointer to the middle of `locator`'s box, then (after `pauseMs`) presses and releases it. */
async function clickLikeAUser(page: Page, selector: ReturnType<Page['getByRole']>, pauseMs: number) {
  const box = await selector.boundingBox();
  if (!box) throw new Error('The button has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  if (pauseMs > 0) await page.waitForTimeout(pauseMs);
  await page.mouse.down();
  await page.mouse.up();
}

/**
 * Click on "Send to OpenHands" (the click event in the page) → the start request arriving at the OpenHands
 * stand-in (`startArrivals`: `Date.now()` of each, filled by the caller's route). A new issue per click: the
 * background merges identical starts made within seconds.
 */
export async function clickToRequest(
  context: BrowserContext,
  extensionId: string,
  startArrivals: number[],
  samples: number,
  path: ClickPath,
) {
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/popup.html`);
  const timings: number[] = [];
  for (let i = 0; i < samples; i++) {
    const page = await context.newPage();
    await page.goto(`https://github.com/octo-org/hello-world/issues/${nextIssue++}`);
    const button = page.getByRole('button', { name: 'Send to OpenHands', exact: true });
    await button.waitFor();
    await noteClicks(page);
    if (path === 'cold') await stopServiceWorker(context, helper, extensionId);
    const before = startArrivals.length;
    await clickLikeAUser(page, button, path === 'pause' ? HUMAN_PAUSE_MS : 0);
    const deadline = Date.now() + 15_000;
    while (startArrivals.length === before && Date.now() < deadline) await page.waitForTimeout(2);
    timings.push((startArrivals[before] ?? Number.NaN) - (await clickedAt(page)));
    await page.close();
  }
  await helper.close();
  return summarise(timings);
}

/**
 * Caret click → its menu shown, the first time on a page (the UI bundle loads on that click: the pointer
 * arrives and clicks at once) and again after Escape closed it. Both timed in the page: from the click event
 * to the menu losing `hidden` in the button's (open) shadow root.
 */
export async function caretToMenu(context: BrowserContext, samples: number) {
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < samples; i++) {
    const page = await context.newPage();
    await page.goto(`https://github.com/octo-org/hello-world/issues/${nextIssue++}`);
    const caret = page.getByRole('button', { name: 'More OpenHands actions' });
    await caret.waitFor();
    await page.evaluate(() => {
      const root = document.querySelector('[data-openhands-button]')?.shadowRoot;
      if (!root) throw new Error('No button');
      const marks = { click: 0, shown: 0 };
      Object.assign(window, { __caretMarks: marks });
      window.addEventListener('click', () => Object.assign(marks, { click: performance.now(), shown: 0 }), {
        capture: true,
      });
      new MutationObserver(() => {
        const menu = root.querySelector<HTMLElement>('[role="menu"]');
        if (menu && !menu.hidden && marks.shown === 0) marks.shown = performance.now();
        if (menu?.hidden) marks.shown = 0;
      }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
    });
    const measure = async () => {
      await page.waitForFunction(
        () => (window as unknown as { __caretMarks: { shown: number } }).__caretMarks.shown > 0,
      );
      return page.evaluate(() => {
        const m = (window as unknown as { __caretMarks: { click: number; shown: number } }).__caretMarks;
        return m.shown - m.click;
      });
    };
    await clickLikeAUser(page, caret, 0);
    first.push(await measure());
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => (window as unknown as { __caretMarks: { shown: number } }).__caretMarks.shown === 0,
    );
    await page.mouse.down();
    await page.mouse.up();
    again.push(await measure());
    await page.close();
  }
  return { first: summarise(first), again: summarise(again) };
}
