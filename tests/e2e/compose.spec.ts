import type { BrowserContext, Page, Worker } from '@playwright/test';
import { COMPOSE_WINDOW, composeWindowData, draftStorageKey, newDraft } from '../../lib/storage/draft.ts';
import type { RecordedRequest } from '../support/openhands-server/index.ts';
import { expect, test } from './fixtures.ts';
import { recordMessages } from './support/messages.ts';
import { CLOUD_ORIGIN } from './support/openhands.ts';

const PAGE_URL = 'https://ci.example.com/builds/42';
const SELECTION = 'FAIL src/parse.test.ts\n  TypeError: boom';
const EDITED =
  'TypeError: Cannot read properties of undefined\n    at parse (src/parse.ts:10:5)\n    at main (src/main.ts:3:1)';

/**
 * Does what the menu handler does after reading a selection: stores the draft in `storage.session` under a
 * random id and opens compose.html?draft=<id> in a popup window, both from the service worker and with the
 * handler's own helpers. Playwright cannot click a native context menu; the click handler itself is covered
 * by the unit tests. With `reopen`, opens the window again for a draft already stored (as the menu does for
 * a selection whose edits were kept).
 */
/**
 * Runs a user action that closes the window. The window may be gone before the action's own
 * round trip ends (a key release, a click's mouseup), so the action may report a closed page;
 * any other failure, or a page that stays open (the wait for 'close' times out), fails the test.
 */
async function closesThePage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const [, failure] = await Promise.all([
    page.waitForEvent('close'),
    action().then(
      () => undefined,
      (error: unknown) => error,
    ),
  ]);
  if (failure !== undefined && !/has been closed/.test(String(failure))) throw failure;
}

async function openComposeLikeTheMenu(
  context: BrowserContext,
  serviceWorker: Worker,
  extensionId: string,
  reopen?: string,
): Promise<Page & { draftId: string }> {
  const id = reopen ?? crypto.randomUUID();
  const entry = reopen ? null : { [draftStorageKey(id)]: newDraft(SELECTION, PAGE_URL, new Date()) };
  const window = composeWindowData(id, (path) => `chrome-extension://${extensionId}${path}`);
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate(
    async ({ entry, window }) => {
      if (entry) await chrome.storage.session.set(entry);
      await chrome.windows.create(window);
    },
    { entry, window },
  );
  const page = await opened;
  await page.waitForLoadState();
  expect(page.url()).toBe(window.url);
  // Headless windows keep Playwright's default viewport; show the page at the popup's size (less its title bar).
  await page.setViewportSize({ width: COMPOSE_WINDOW.width, height: COMPOSE_WINDOW.height - 40 });
  return Object.assign(page, { draftId: id });
}

/** The start requests the local OpenHands server received. */
const startRequests = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/app-conversations');

test.describe('the compose window', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should send the edited selection and link to the conversation', async ({
    context,
    serviceWorker,
    extensionId,
    openHands,
    extension,
  }) => {
    openHands.configure({ stepsPerPoll: 0 });
    const compose = await openComposeLikeTheMenu(context, serviceWorker, extensionId);
    const text = compose.getByLabel('Text', { exact: true });
    await expect(text).toHaveValue(SELECTION);
    await expect(compose.getByLabel('Source URL')).toHaveValue(PAGE_URL);

    await text.fill(EDITED);
    await compose.getByLabel('Repository').fill('octo-org/hello-world');
    await compose.getByLabel('Branch').fill('main');
    await compose.getByLabel('Action').selectOption({ label: 'Investigate and report' });
    await text.press('Control+Enter');

    const link = compose.getByRole('link', { name: 'Open conversation' });
    await expect(link).toBeVisible();
    const [request] = startRequests(openHands.requests);
    if (!request) throw new Error('OpenHands received no start request');
    expect(request.valid, request.validationErrors.join('\n')).toBe(true);
    const body = request.body as {
      selected_repository: string;
      selected_branch: string;
      initial_message: { content: { text: string }[] };
    };
    expect(body.selected_repository).toBe('octo-org/hello-world');
    expect(body.selected_branch).toBe('main');
    const message = body.initial_message.content[0]?.text ?? '';
    expect(message).toContain(EDITED);
    expect(message).toContain(`Source: ${PAGE_URL}`);
    expect(message).toContain('Investigate');

    const taskId = (request.responseBody as { id: string }).id;
    await expect(link).toHaveAttribute('href', `${CLOUD_ORIGIN}/conversations/task-${taskId}`);
    const stored = (await extension.storage()).conversations as { id: string; source: unknown }[];
    expect(stored).toContainEqual(
      expect.objectContaining({ id: taskId, source: { kind: 'selection', url: PAGE_URL } }),
    );

    // The start finishes: the stage and the link follow, from storage: the window asks the background nothing.
    const messages = await recordMessages(serviceWorker);
    openHands.configure({ stepsPerPoll: 7 });
    await expect.poll(() => openHands.getStartTask(taskId)?.app_conversation_id).toBeTruthy();
    const conversationId = openHands.getStartTask(taskId)?.app_conversation_id;
    await expect(link).toHaveAttribute('href', `${CLOUD_ORIGIN}/conversations/${conversationId}`, {
      timeout: 20_000,
    });
    await expect(compose.getByRole('status')).toHaveText('Running');
    expect(await messages()).toEqual([]);
    expect(startRequests(openHands.requests)).toHaveLength(1);
  });

  test('should start a conversation without a repository', async ({
    context,
    serviceWorker,
    extensionId,
    openHands,
  }) => {
    const compose = await openComposeLikeTheMenu(context, serviceWorker, extensionId);
    await expect(compose.getByLabel('Repository')).toHaveValue('');
    await compose.getByRole('button', { name: 'Send to OpenHands' }).click();

    await expect(compose.getByRole('link', { name: 'Open conversation' })).toBeVisible();
    await expect(compose.getByText('Sent to OpenHands — no repository')).toBeVisible();
    const [request] = startRequests(openHands.requests);
    if (!request) throw new Error('OpenHands received no start request');
    expect(request.valid, request.validationErrors.join('\n')).toBe(true);
    expect(request.body).not.toHaveProperty('selected_repository');
    const message = (request.body as { initial_message: { content: { text: string }[] } }).initial_message
      .content[0]?.text;
    expect(message).toContain(SELECTION);
    expect(message).not.toMatch(/repository/i);
  });

  test('should show an invalid repository and send nothing', async ({
    context,
    serviceWorker,
    extensionId,
    openHands,
  }) => {
    const compose = await openComposeLikeTheMenu(context, serviceWorker, extensionId);
    const repository = compose.getByLabel('Repository');
    await repository.fill('just-a-name');
    await repository.press('Enter');
    await expect(repository).toHaveAttribute('aria-invalid', 'true');
    await expect(repository).toHaveAccessibleDescription(/Repository must look like owner\/repo/);
    await compose.getByRole('button', { name: 'Send to OpenHands' }).click();
    await compose.waitForTimeout(500);
    expect(startRequests(openHands.requests)).toEqual([]);
    await expect(compose.getByLabel('Text', { exact: true })).toHaveValue(SELECTION);
  });

  test('should close on Escape', async ({ context, serviceWorker, extensionId }) => {
    const compose = await openComposeLikeTheMenu(context, serviceWorker, extensionId);
    // No GitHub page and no recent repository: the repository is what needs typing first.
    await expect(compose.getByLabel('Repository')).toBeFocused();
    await closesThePage(compose, () => compose.keyboard.press('Escape'));
    expect(compose.isClosed()).toBe(true);
  });

  test('should ask before closing with edits, and keep them for the selection', async ({
    context,
    serviceWorker,
    extensionId,
    openHands,
  }) => {
    const compose = await openComposeLikeTheMenu(context, serviceWorker, extensionId);
    const text = compose.getByLabel('Text', { exact: true });
    await text.fill(EDITED);
    await compose.getByLabel('Repository').fill('octo-org/hello-world');

    await text.press('Escape');
    const question = compose.getByRole('alertdialog', { name: 'Close without sending?' });
    await expect(question).toContainText('Your edits are kept');
    await expect(question.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expect(question).toBeHidden();
    await expect(text).toHaveValue(EDITED);

    await compose.keyboard.press('Escape');
    await closesThePage(compose, () => question.getByRole('button', { name: 'Close' }).click());

    // Open again for the same selection: the edits are there, not the bare selection.
    const again = await openComposeLikeTheMenu(context, serviceWorker, extensionId, compose.draftId);
    await expect(again.getByLabel('Text', { exact: true })).toHaveValue(EDITED);
    await expect(again.getByLabel('Repository')).toHaveValue('octo-org/hello-world');
    await expect(again.getByRole('status')).toHaveText(/Your earlier edits to this selection are back/);
    expect(startRequests(openHands.requests)).toEqual([]);
  });
});
