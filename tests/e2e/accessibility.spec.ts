import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ISSUE_URL = 'https://github.com/octo-org/hello-world/issues/42';
const input = {
  repository: 'octo-org/hello-world',
  branch: 'main',
  title: '#42: Crash on startup',
  message: `Please solve ${ISSUE_URL}`,
  source: { kind: 'issue', url: ISSUE_URL, number: 42 },
};

/** axe's findings on the page, WCAG 2.x A/AA plus best practices, in a form that reads well when it fails. */
async function violations(page: Page) {
  // @axe-core/playwright types `page` with its own copy of playwright-core; it is the same object.
  const results = await new AxeBuilder({ page: page as never })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

/** Saves a popup-sized screenshot with the test's output (and to SCREENSHOT_DIR when set). */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 380, height: 600 });
  const dir = process.env.SCREENSHOT_DIR;
  await page.screenshot({ path: dir ? `${dir}/${name}` : testInfo.outputPath(name) });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('should find no violations in the popup with conversations in every kind of state', async ({
      extension,
      openHands,
    }, testInfo) => {
      openHands.seedConversations(1, { titlePrefix: 'Finished work', execution_status: 'finished' });
      openHands.seedConversations(1, {
        titlePrefix: 'Needs you',
        execution_status: 'waiting_for_confirmation',
      });
      openHands.seedConversations(1, { titlePrefix: 'Failed', sandbox_status: 'ERROR', pr_number: [7] });
      openHands.seedConversations(1, { titlePrefix: 'Paused', sandbox_status: 'PAUSED' });
      openHands.seedConversations(1, { titlePrefix: 'Archived', sandbox_status: 'MISSING' });
      openHands.seedConversations(1, { titlePrefix: 'Idle', execution_status: 'idle' });
      openHands.seedConversations(1, { titlePrefix: 'Working', execution_status: 'running' });
      openHands.configure({ stepsPerPoll: 0 });
      await extension.configure({ apiKey: 'test-key' });
      await extension.send({ type: 'conversation.start', input });

      const popup = await extension.openPopup();
      await expect(popup.getByRole('listitem')).toHaveCount(8);
      expect(await violations(popup)).toEqual([]);
      await screenshot(popup, testInfo, `popup-${colorScheme}.png`);
    });

    test('should find no violations in the popup without a key', async ({ extension }) => {
      const popup = await extension.openPopup();
      await expect(popup.getByRole('heading', { name: 'Connect to OpenHands' })).toBeVisible();
      expect(await violations(popup)).toEqual([]);
    });

    test('should find no violations in the popup with a server error', async ({ extension, openHands }) => {
      openHands.seedConversations(2);
      await extension.configure({ apiKey: 'test-key' });
      const popup = await extension.openPopup();
      await expect(popup.getByRole('listitem')).toHaveCount(2);
      openHands.failNext({ kind: 'server_error', path: '/api/v1/app-conversations/search' });
      await popup.getByRole('button', { name: 'Refresh' }).click();
      await expect(popup.getByText('Showing saved conversations.')).toBeVisible();
      expect(await violations(popup)).toEqual([]);
    });

    test('should find no violations in the options page', async ({ extension }) => {
      const options = await extension.openOptions();
      await expect(options.getByRole('button', { name: 'Save' })).toBeVisible();
      expect(await violations(options)).toEqual([]);
    });
  });
}
