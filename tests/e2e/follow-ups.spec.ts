import type { BrowserContext, Page } from '@playwright/test';
import type { ConversationRecord } from '../../lib/conversations/record.ts';
import type { OpenHandsTestServer } from '../support/openhands-server/index.ts';
import { type ExtensionHelpers, expect, test } from './fixtures.ts';
import { routeGitHub } from './support/github.ts';
import { caretButton, messageText, sendButton, startRequests } from './support/github-button.ts';

/*
 * Issue 13 from the GitHub page: "Continue the conversation…" (queued while starting, sent while running,
 * resumed when paused, restarted when archived), "Ask OpenHands" on a review thread, and "Send new review
 * comments". The test server checks every request against the OpenAPI files; the tests read what it received.
 */

const TIMELINE = 'https://github.com/octo-org/hello-world/pull/7';
const FILES = 'https://github.com/octo-org/hello-world/pull/7/files';

async function openPull(context: BrowserContext, url: string): Promise<Page> {
  await routeGitHub(context, {
    [TIMELINE]: { file: 'pull-timeline-threads.html' },
    [FILES]: { file: 'pull-files-threads.html' },
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function records(extension: ExtensionHelpers): Promise<ConversationRecord[]> {
  return ((await extension.storage()).conversations ?? []) as ConversationRecord[];
}

/** The record of PR #7 once its conversation exists on the server. */
async function startedConversation(extension: ExtensionHelpers): Promise<ConversationRecord> {
  let found: ConversationRecord | undefined;
  await expect
    .poll(
      async () => {
        found = (await records(extension)).find((r) => r.prNumber === 7 && r.conversationId);
        return Boolean(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as ConversationRecord;
}

const toast = (page: Page) => page.getByRole('status', { name: 'OpenHands' });

/** "Continue the conversation…" from the caret menu: the editor opens empty; `text` goes with "Send". */
async function continueWith(page: Page, text: string) {
  await caretButton(page).click();
  await page.getByRole('menuitem', { name: 'Continue the conversation…' }).click();
  const editor = page.getByRole('dialog', { name: 'Continue the conversation' });
  const message = editor.getByRole('textbox', { name: 'Message to OpenHands' });
  await expect(message).toHaveValue('');
  await expect(editor).toContainText(TIMELINE);
  await message.fill(text);
  await editor.getByRole('button', { name: 'Send', exact: true }).click();
  return editor;
}

const sendMessages = (openHands: OpenHandsTestServer) =>
  openHands.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/send-message'));

test.describe('follow-ups from GitHub', () => {
  test('should continue a PR’s conversation: queued while starting, sent while running, resumed when paused, restarted when archived', async ({
    context,
    extension,
    openHands,
  }) => {
    test.setTimeout(120_000);
    await extension.configure({ apiKey: 'test-key' });
    // The start stays at its first stage until the test lets it go on
    openHands.configure({ stepsPerPoll: 0 });
    const page = await openPull(context, TIMELINE);
    await sendButton(page).click();
    await expect.poll(() => startRequests(openHands).length).toBe(1);
    let starting: ConversationRecord | undefined;
    await expect
      .poll(async () => {
        [starting] = await records(extension);
        return starting?.taskId;
      })
      .toBeTruthy();

    // While starting: queued with the start task's id
    await continueWith(page, 'First: also add a changelog entry.');
    await expect(toast(page)).toContainText('Follow-up queued');
    expect(openHands.pendingMessages(`task-${starting?.taskId}`).map((m) => m.text)).toEqual([
      'First: also add a changelog entry.',
    ]);

    // Running: send-message, whose body the server validated against AppSendMessageRequest
    openHands.configure({ stepsPerPoll: 100 });
    const record = await startedConversation(extension);
    const id = record.conversationId as string;
    await expect
      .poll(() => openHands.messagesReceived(id).map((m) => [m.via, m.text]))
      .toEqual([['pending-messages', 'First: also add a changelog entry.']]);
    const editor = await continueWith(page, 'Second: run the linters too.');
    await expect(editor).toBeHidden();
    await expect(toast(page)).toContainText('Follow-up sent');
    expect(openHands.messagesReceived(id).at(-1)).toMatchObject({
      via: 'send-message',
      text: 'Second: run the linters too.',
    });
    expect(sendMessages(openHands).every((r) => r.valid)).toBe(true);

    // Paused: resume first, then send
    const conversation = openHands.setConversationStatus(id, { sandbox_status: 'PAUSED' });
    const resumed = await continueWith(page, 'Third: and rebase.');
    await expect(resumed).toBeHidden({ timeout: 30_000 });
    await expect.poll(() => openHands.messagesReceived(id).at(-1)?.text).toBe('Third: and rebase.');
    const paths = openHands.requests.filter((r) => r.method === 'POST').map((r) => r.path);
    const resume = paths.lastIndexOf(`/api/v1/sandboxes/${conversation.sandbox_id}/resume`);
    expect(resume).toBeGreaterThan(-1);
    expect(paths.findLastIndex((p) => p.endsWith('/send-message'))).toBeGreaterThan(resume);

    // Archived: nothing sent; a new conversation with the old one's link and the follow-up
    openHands.setConversationStatus(id, { sandbox_status: 'MISSING' });
    const archived = await continueWith(page, 'Fourth: ship it.');
    await archived.getByRole('button', { name: 'Start a new conversation with this context' }).click();
    await expect.poll(() => startRequests(openHands).length).toBe(2);
    const restart = messageText(startRequests(openHands)[1]?.body);
    expect(restart).toContain('Fourth: ship it.');
    expect(restart).toContain(id.replaceAll('-', '').slice(0, 8));
    await expect(toast(page)).toContainText('OpenHands conversation');
    expect(openHands.messagesReceived(id).map((m) => m.text)).not.toContain('Fourth: ship it.');
  });

  test('should ask about a review thread, then send only the review comments that are new', async ({
    context,
    extension,
    openHands,
  }) => {
    test.setTimeout(120_000);
    await extension.configure({ apiKey: 'test-key' });
    openHands.configure({ stepsPerPoll: 100 });

    // No conversation yet: "Ask OpenHands" starts one on the PR's branch, with the thread as context
    const files = await openPull(context, FILES);
    await files.getByRole('button', { name: 'Ask OpenHands', exact: true }).first().click();
    const ask = files.getByRole('dialog', { name: 'Ask OpenHands about this review thread' });
    const message = ask.getByRole('textbox', { name: 'Message to OpenHands' });
    await message.press('End');
    await message.pressSequentially('Move clearCookie up.');
    await ask.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => startRequests(openHands).length).toBe(1);
    const start = startRequests(openHands)[0]?.body as { selected_branch?: string };
    expect(start.selected_branch).toBe('feature/login-fix');
    const first = messageText(start);
    for (const part of ['src/auth/session.ts', 'lines 42 to 43', '@alice', '@bob', 'Move clearCookie up.'])
      expect(first).toContain(part);
    const record = await startedConversation(extension);
    const id = record.conversationId as string;

    // With the conversation: the timeline's thread goes as a follow-up
    const page = await openPull(context, TIMELINE);
    await page
      .locator('[data-openhands-ask="discussion_r3068791673"]')
      .getByRole('button', { name: 'Ask OpenHands', exact: true })
      .click();
    const thread = page.getByRole('dialog', { name: 'Ask OpenHands about this review thread' });
    await thread.getByRole('textbox', { name: 'Message to OpenHands' }).press('End');
    await thread.getByRole('textbox', { name: 'Message to OpenHands' }).pressSequentially('Answer bob.');
    await thread.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(toast(page)).toContainText('Follow-up sent');
    const asked = openHands.messagesReceived(id).at(-1)?.text ?? '';
    for (const part of ['src/auth/session.ts', '@alice', 'Answer bob.']) expect(asked).toContain(part);

    // "Send new review comments": everything the first time, nothing the second, then only a new comment
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Send new review comments' }).click();
    await expect.poll(() => openHands.messagesReceived(id).length).toBe(2);
    const review = openHands.messagesReceived(id).at(-1)?.text ?? '';
    expect(review).toContain('A few changes before this can go in');
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Send new review comments' }).click();
    await expect(toast(page)).toContainText('No new review comments');
    expect(openHands.messagesReceived(id)).toHaveLength(2);

    await page.evaluate(() => {
      const comment = document.querySelector('#discussion_r3068812345');
      const copy = comment?.cloneNode(true) as HTMLElement;
      copy.id = 'discussion_r3070000001';
      const body = copy.querySelector('.comment-body');
      if (body) body.textContent = 'One more thing: keep the old cookie name.';
      copy.querySelector('relative-time')?.setAttribute('datetime', '2026-06-01T09:00:00Z');
      comment?.after(copy);
    });
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Send new review comments' }).click();
    await expect.poll(() => openHands.messagesReceived(id).length).toBe(3);
    const fresh = openHands.messagesReceived(id).at(-1)?.text ?? '';
    expect(fresh).toContain('One more thing: keep the old cookie name.');
    expect(fresh).not.toContain('A few changes before this can go in');
  });

  test('should ask about a bot review whose comment GitHub renders from a React island', async ({
    context,
    extension,
    openHands,
  }) => {
    await extension.configure({ apiKey: 'test-key' });
    const url = 'https://github.com/octo-org/hello-world/pull/12';
    await routeGitHub(context, { [url]: { file: 'pull-react-automated.html' } });
    const page = await context.newPage();
    await page.goto(url);

    // Every thread gets its button: the three bot threads, bob's and the resolved one
    await expect(page.getByRole('button', { name: 'Ask OpenHands', exact: true })).toHaveCount(5);
    await page
      .locator('[data-openhands-ask="discussion_r5100001"]')
      .getByRole('button', { name: 'Ask OpenHands', exact: true })
      .click();
    const thread = page.getByRole('dialog', { name: 'Ask OpenHands about this review thread' });
    const message = thread.getByRole('textbox', { name: 'Message to OpenHands' });
    await expect(message).not.toHaveValue('');
    const asked = await message.inputValue();
    for (const part of [
      'src/auth/session.ts',
      '@copilot-pull-request-reviewer',
      'Cached sessions never expire',
    ])
      expect(asked).toContain(part);
    await message.press('End');
    await message.pressSequentially(' Fix it.');
    await thread.getByRole('button', { name: 'Send', exact: true }).click();

    await expect.poll(() => startRequests(openHands).length).toBe(1);
    const sent = messageText(startRequests(openHands)[0]?.body);
    expect(sent).toContain('Store the expiry with the entry and check it on a hit.');
    expect(sent).toContain('Fix it.');
    expect(startRequests(openHands)[0]?.body).toMatchObject({
      selected_branch: 'perf/session-cache',
      pr_number: [12],
    });
  });
});
