import type { Page } from '@playwright/test';
import type { OpenHandsTestServer } from '../support/openhands-server/index.ts';
import { expect, test } from './fixtures.ts';
import { openPage, PAGES, routeAllPages, sendButton, softNavigate } from './support/github-button.ts';

/*
 * Issue 12's acceptance: the issue or PR page shows its OpenHands conversations, their live state and the PR
 * they opened. Unit tests (tests/unit/lib/content/ui/status/item-status.test.ts) cover the control's states, keys,
 * visibility and placement; here the real extension, background and test server play it through.
 */

/** The status control next to the button: its name holds "OpenHands" and the latest state. */
const statusControl = (page: Page, state: string) =>
  page.getByRole('button', { name: new RegExp(`^OpenHands: ${state}`) });

/** Starts a conversation from the page's button and waits for the server to make it; returns its id. */
async function startConversation(page: Page, openHands: OpenHandsTestServer): Promise<string> {
  await sendButton(page).click();
  const link = page.getByRole('link', { name: 'Open conversation' });
  await expect(link).toHaveAttribute('href', /\/conversations\/task-[0-9a-f]{32}$/);
  const taskId = (await link.getAttribute('href'))?.split('/task-')[1] ?? '';
  // Ready at the next poll (read the task's id first: the link then changes to the conversation's)
  openHands.configure({ stepsPerPoll: 8 });
  await expect
    .poll(() => openHands.getStartTask(taskId)?.app_conversation_id ?? null, { timeout: 20_000 })
    .not.toBeNull();
  return openHands.getStartTask(taskId)?.app_conversation_id ?? '';
}

test.describe('an item page shows its OpenHands conversations', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should follow a conversation from the issue to Finished, and link the PR it opened', async ({
    context,
    openHands,
  }) => {
    const page = await openPage(context, 'issue');
    const id = await startConversation(page, openHands);
    const conversationUrl = `https://app.all-hands.dev/conversations/${id}`;

    openHands.setConversationStatus(id, { execution_status: 'running' });
    await expect(statusControl(page, 'Running')).toBeVisible({ timeout: 20_000 });
    openHands.setConversationStatus(id, { execution_status: 'finished', pr_number: [7] });
    await expect(statusControl(page, 'Finished')).toBeVisible({ timeout: 20_000 });
    const pull = page.getByRole('link', { name: 'PR #7', exact: true });
    await expect(pull).toHaveAttribute('href', PAGES.pull.url);

    // Reloaded, and after a soft navigation away and back
    await page.reload();
    await expect(statusControl(page, 'Finished')).toBeVisible();
    await expect(pull).toHaveAttribute('href', PAGES.pull.url);
    await softNavigate(page, 'repo');
    await expect(statusControl(page, '')).toHaveCount(0);
    await softNavigate(page, 'issue');
    await expect(statusControl(page, 'Finished')).toBeVisible();
    await expect(pull).toHaveAttribute('href', PAGES.pull.url);

    // The PR it opened shows the same conversation
    await pull.click();
    await expect(page).toHaveURL(PAGES.pull.url);
    await statusControl(page, 'Finished').click();
    const list = page.getByRole('menu', { name: 'OpenHands conversations' });
    await expect(list.getByRole('menuitem', { name: /^Finished, / })).toHaveAttribute(
      'href',
      conversationUrl,
    );
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(statusControl(page, 'Finished')).toBeFocused();

    // Meanwhile a message typed in OpenHands runs it again. A finished conversation is never polled, but
    // opening its page reads it at once (issue 17), once it was last read more than a moment ago
    openHands.setConversationStatus(id, { execution_status: 'running' });
    await page.waitForTimeout(5_500);
    await page.reload();
    await expect(statusControl(page, 'Running')).toBeVisible({ timeout: 3_000 });
  });

  test('should send nothing for a page without conversations, and show Paused and Archived sandboxes', async ({
    context,
    openHands,
  }) => {
    const before = openHands.requests.length;
    // A PR page with the UI loaded (the pointer came to the button) and an issue page, neither with a conversation
    const quiet = await openPage(context, 'pull-fork');
    await sendButton(quiet).hover();
    await openPage(context, 'issue-no-landmarks');
    await quiet.waitForTimeout(2_000);
    expect(openHands.requests.slice(before)).toEqual([]);
    await expect(statusControl(quiet, '')).toHaveCount(0);

    // Sandbox states: one conversation paused, then a newer one whose sandbox is gone
    const page = await openPage(context, 'issue');
    const paused = await startConversation(page, openHands);
    openHands.configure({ stepsPerPoll: 1 });
    openHands.setConversationStatus(paused, { sandbox_status: 'PAUSED' });
    await expect(statusControl(page, 'Paused')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    const archived = await startConversation(page, openHands);
    openHands.setConversationStatus(archived, { sandbox_status: 'MISSING' });
    await expect(statusControl(page, 'Archived \\(latest of 2\\)')).toBeVisible({ timeout: 20_000 });
    await statusControl(page, 'Archived').click();
    const entries = page.getByRole('menu', { name: 'OpenHands conversations' }).getByRole('menuitem');
    await expect(entries).toHaveText([/^Archived/, /^Paused/]);
  });
});
