import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { caretButton, openPage, routeAllPages, sendButton, useDarkTheme } from './support/github-button.ts';

/** Saves a screenshot with the test's results, or as `$SCREENSHOT_DIR/button-<name>.png` when that is set. */
function shotPath(testInfo: TestInfo, name: string): string {
  const dir = process.env.SCREENSHOT_DIR;
  return dir ? path.join(dir, `button-${name}.png`) : testInfo.outputPath(`button-${name}.png`);
}

/** The computed colours of the main button, as GitHub's theme sets them. */
async function buttonColours(page: Page) {
  return sendButton(page).evaluate((button) => {
    const style = getComputedStyle(button);
    return { background: style.backgroundColor, color: style.color };
  });
}

/** Takes the header, the open menu, the progress toast and the editor. */
async function screenshotEverything(page: Page, testInfo: TestInfo, theme: string) {
  const header = page.getByTestId('issue-header');
  await header.screenshot({ path: shotPath(testInfo, `${theme}`) });

  await caretButton(page).click();
  const menu = page.getByRole('menu', { name: 'OpenHands actions' });
  await expect(menu).toBeVisible();
  await page.screenshot({
    path: shotPath(testInfo, `menu-${theme}`),
    clip: { x: 0, y: 0, width: 1280, height: 420 },
  });
  await menu.getByRole('menuitem', { name: 'Custom prompt…' }).click();
  const editor = page.getByRole('dialog', { name: 'Custom prompt' });
  await expect(editor).toBeVisible();
  await page.screenshot({ path: shotPath(testInfo, `editor-${theme}`) });
  await page.keyboard.press('Escape');

  await sendButton(page).click();
  const toast = page.getByRole('status', { name: 'OpenHands' });
  await expect(toast.getByRole('link', { name: 'Open conversation' })).toBeVisible();
  await expect(toast).toContainText('…');
  await page.screenshot({ path: shotPath(testInfo, `toast-${theme}`) });
}

test.describe('the button looks like GitHub', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should use the light theme and keep its styles to itself', async ({ context }, testInfo) => {
    const page = await openPage(context, 'issue');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(sendButton(page)).toBeVisible();

    // Polled: the page applies its theme (and GitHub's colour transition) after the button shows
    await expect
      .poll(() => buttonColours(page))
      .toEqual({ background: 'rgb(246, 248, 250)', color: 'rgb(31, 35, 40)' });
    // Same height as GitHub's small buttons next to it
    const ours = await sendButton(page).boundingBox();
    const edit = await page.getByTestId('edit-issue-title-button').boundingBox();
    expect(ours?.height).toBe(edit?.height);
    // The fixture hides every [popover] (as sr-only); our menu is a popover, in our shadow root, so it shows
    await caretButton(page).click();
    const menu = await page.getByRole('menu', { name: 'OpenHands actions' }).boundingBox();
    expect(menu?.width).toBeGreaterThan(200);
    await page.keyboard.press('Escape');
    // Our `p { margin: 0 }` stays in the shadow root
    const pageParagraph = await page
      .locator('.react-issue-body .markdown-body p')
      .first()
      .evaluate((p) => getComputedStyle(p).marginBottom);
    expect(pageParagraph).not.toBe('0px');

    await screenshotEverything(page, testInfo, 'light');
  });

  test('should follow GitHub dark theme', async ({ context }, testInfo) => {
    const page = await openPage(context, 'issue');
    await page.setViewportSize({ width: 1280, height: 800 });
    await useDarkTheme(page);
    await expect(sendButton(page)).toBeVisible();

    // Polled: the page applies its theme (and GitHub's colour transition) after the button shows
    await expect
      .poll(() => buttonColours(page))
      .toEqual({ background: 'rgb(33, 40, 48)', color: 'rgb(240, 246, 252)' });

    await screenshotEverything(page, testInfo, 'dark');
    const toastBackground = await page
      .getByRole('status', { name: 'OpenHands' })
      .evaluate((toast) => getComputedStyle(toast).backgroundColor);
    expect(toastBackground).toBe('rgb(21, 27, 35)');
  });

  test('should fit each kind of header', async ({ context }, testInfo) => {
    for (const name of ['pull', 'pull-fork', 'pull-legacy', 'pull-files', 'issue-no-landmarks'] as const) {
      const page = await openPage(context, name);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(sendButton(page)).toBeVisible();
      const box = await sendButton(page).boundingBox();
      expect(box?.height, name).toBe(28);
      await page.screenshot({
        path: shotPath(testInfo, `header-${name}`),
        clip: { x: 0, y: 0, width: 1280, height: 300 },
      });
      await page.close();
    }
  });
});
