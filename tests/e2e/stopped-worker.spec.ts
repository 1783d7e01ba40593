import type { Page } from '@playwright/test';
import type { ConversationRecord } from '../../lib/conversations/record.ts';
import { type ExtensionHelpers, expect, test } from './fixtures.ts';
import { caretButton, openPage, routeAllPages, sendButton, startRequests } from './support/github-button.ts';

/*
 * A stopped worker doubles nothing (issue 17). Chrome stops an idle MV3 service worker at any moment, also in
 * the middle of a request; here the DevTools Protocol stops it while the server holds its answer back (it did
 * the work: the start task exists, the message was received). At the end there is exactly one conversation and
 * one delivered message, and nothing on the page invites a second try.
 */

const records = async (extension: ExtensionHelpers) =>
  ((await extension.storage()).conversations ?? []) as ConversationRecord[];
const toast = (page: Page) => page.getByRole('status', { name: 'OpenHands' });

test.describe('a service worker stopped in the middle of a request', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should show the conversation a start made, start no second one, and keep following it', async ({
    context,
    extension,
    openHands,
  }) => {
    const page = await openPage(context, 'issue');
    openHands.failNext({ kind: 'timeout_after_handling', method: 'POST', path: '/api/v1/app-conversations' });

    await sendButton(page).click();
    await expect.poll(() => startRequests(openHands).length).toBe(1);
    await extension.stopServiceWorker();
    openHands.configure({ stepsPerPoll: 100 });

    // The page shows the start (the task's page, or already its conversation), and nothing to try again
    const link = toast(page).getByRole('link', { name: 'Open conversation' });
    await expect(link).toHaveAttribute('href', /\/conversations\/(task-)?[0-9a-f]{32}$/);
    await expect(toast(page)).not.toContainText(/try again/i);
    // Followed by the new worker: the start reaches its conversation, still the only one
    await expect
      .poll(async () => (await records(extension)).map((r) => Boolean(r.conversationId)), { timeout: 30_000 })
      .toEqual([true]);
    const [record] = await records(extension);
    expect(openHands.getStartTask(record?.taskId ?? '')).not.toBeNull();
    await expect(link).toHaveAttribute(
      'href',
      `https://app.all-hands.dev/conversations/${record?.conversationId}`,
    );
    expect(startRequests(openHands)).toHaveLength(1);
  });

  test('should say a follow-up may have been delivered, link the conversation, and deliver it once', async ({
    context,
    extension,
    openHands,
  }) => {
    openHands.configure({ stepsPerPoll: 100 });
    const page = await openPage(context, 'issue');
    await sendButton(page).click();
    let record: ConversationRecord | undefined;
    await expect
      .poll(
        async () => {
          [record] = await records(extension);
          return record?.conversationId;
        },
        { timeout: 30_000 },
      )
      .toBeTruthy();
    const id = record?.conversationId ?? '';
    openHands.failNext({
      kind: 'timeout_after_handling',
      path: `/api/v1/app-conversations/${id}/send-message`,
    });

    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Continue the conversation…' }).click();
    const editor = page.getByRole('dialog', { name: 'Continue the conversation' });
    await editor.getByRole('textbox', { name: 'Message to OpenHands' }).fill('Also update the changelog.');
    await editor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => openHands.messagesReceived(id).length).toBe(1);
    await extension.stopServiceWorker();

    await expect(editor.getByRole('alert')).toContainText(
      'so your message may already have been delivered. Check the conversation before you send it again.',
    );
    await expect(editor.getByRole('alert')).not.toContainText(/try again/i);
    await expect(editor.getByRole('link', { name: 'Open conversation' })).toHaveAttribute(
      'href',
      `https://app.all-hands.dev/conversations/${id}`,
    );
    await expect(editor.getByRole('textbox', { name: 'Message to OpenHands' })).toHaveValue(
      'Also update the changelog.',
    );
    expect(openHands.messagesReceived(id).map((m) => m.text)).toEqual(['Also update the changelog.']);
  });
});
