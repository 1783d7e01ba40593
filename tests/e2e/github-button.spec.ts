import type { Page } from '@playwright/test';
import type { OpenHandsTestServer } from '../support/openhands-server/index.ts';
import { expect, test } from './fixtures.ts';
import {
  buttonHosts,
  caretButton,
  messageText,
  openPage,
  PAGES,
  type PageName,
  routeAllPages,
  sendButton,
  softNavigate,
  startRequests,
} from './support/github-button.ts';
import { pressShortcut, recordCalls } from './support/service-worker.ts';

/** What each fixture must send, and where its button must be. */
const CASES: {
  name: PageName;
  repository: string;
  branch?: string;
  prNumber?: number;
  title: string;
  url: string;
  placement: 'actions' | 'legacy' | 'fallback';
  /** Extra text the message must hold. */
  mentions?: string[];
}[] = [
  {
    name: 'issue',
    repository: 'octo-org/hello-world',
    title: '#42: Fix crash on startup',
    url: 'https://github.com/octo-org/hello-world/issues/42',
    placement: 'actions',
  },
  {
    name: 'pull',
    repository: 'octo-org/hello-world',
    branch: 'feature/login-fix',
    prNumber: 7,
    title: '#7: Fix login redirect loop',
    url: 'https://github.com/octo-org/hello-world/pull/7',
    placement: 'actions',
  },
  {
    name: 'pull-fork',
    repository: 'octo-org/hello-world',
    prNumber: 8,
    title: '#8: Add Spanish translation',
    url: 'https://github.com/octo-org/hello-world/pull/8',
    placement: 'actions',
    mentions: ['`contributor:patch-1`', 'git fetch origin pull/8/head'],
  },
  {
    name: 'pull-legacy',
    repository: 'platform/billing-service',
    branch: 'deps/parser-2.0',
    prNumber: 15,
    title: '#15: Bump parser to 2.0',
    url: 'https://github.com/platform/billing-service/pull/15',
    placement: 'legacy',
  },
  {
    name: 'issue-no-landmarks',
    repository: 'octo-org/hello-world',
    title: '#51: Docs: broken link in README',
    url: 'https://github.com/octo-org/hello-world/issues/51',
    placement: 'fallback',
  },
  {
    name: 'pull-files',
    repository: 'octo-org/hello-world',
    branch: 'refactor/config-loader#2',
    prNumber: 9,
    title: '#9: Refactor config loader',
    url: 'https://github.com/octo-org/hello-world/pull/9',
    placement: 'actions',
  },
  {
    name: 'issue-late-header',
    repository: 'octo-org/hello-world',
    title: '#60: Add dark mode to settings page',
    url: 'https://github.com/octo-org/hello-world/issues/60',
    placement: 'actions',
  },
];

/** Waits for the one start request and returns its body. */
async function sentBody(openHands: OpenHandsTestServer): Promise<Record<string, unknown>> {
  await expect.poll(() => startRequests(openHands).length).toBe(1);
  const [request] = startRequests(openHands);
  expect(request?.validationErrors).toEqual([]);
  return request?.body as Record<string, unknown>;
}

/** The start task id in the toast's "Open conversation" link, checked against the server. */
async function taskIdFromLink(page: Page, openHands: OpenHandsTestServer): Promise<string> {
  const link = page.getByRole('link', { name: 'Open conversation' });
  await expect(link).toHaveAttribute(
    'href',
    /^https:\/\/app\.all-hands\.dev\/conversations\/task-[0-9a-f]{32}$/,
  );
  await expect(link).toHaveAttribute('target', '_blank');
  const id = (await link.getAttribute('href'))?.split('/task-')[1] ?? '';
  expect(openHands.getStartTask(id)).not.toBeNull();
  return id;
}

test.describe('the Send to OpenHands button', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  for (const expected of CASES) {
    test(`should appear once on ${expected.name} and send its repository, branch and task`, async ({
      context,
      openHands,
    }) => {
      const page = await openPage(context, expected.name);

      await expect(buttonHosts(page)).toHaveAttribute('data-openhands-button', expected.placement);
      await expect(sendButton(page)).toHaveCount(1);
      await expect(sendButton(page)).toBeVisible();
      await expect(caretButton(page)).toHaveCount(1);
      await sendButton(page).click();

      const body = await sentBody(openHands);
      expect(body).toMatchObject({
        selected_repository: expected.repository,
        git_provider: 'github',
        title: expected.title,
      });
      if (expected.branch) expect(body.selected_branch).toBe(expected.branch);
      else expect(body).not.toHaveProperty('selected_branch');
      if (expected.prNumber) expect(body.pr_number).toEqual([expected.prNumber]);
      else expect(body).not.toHaveProperty('pr_number');
      const text = messageText(body);
      expect(text).toContain(expected.url);
      expect(text).toContain(expected.title.replace(/^#\d+: /, ''));
      for (const mention of expected.mentions ?? []) expect(text).toContain(mention);

      await taskIdFromLink(page, openHands);
      await expect(buttonHosts(page)).toHaveCount(1);
    });
  }

  test('should move from the fallback into the header when the header renders late', async ({ context }) => {
    const page = await context.newPage();
    // Records every placement of the button, however fast the machine is
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { openHandsPlacements: seen });
      new MutationObserver(() => {
        const placement = document
          .querySelector('[data-openhands-button]')
          ?.getAttribute('data-openhands-button');
        if (placement && seen.at(-1) !== placement) seen.push(placement);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(PAGES['issue-late-header'].url);

    // The fixture's script inserts the header actions 300 ms after load
    await expect(page.locator('html')).toHaveAttribute('data-late-header', 'rendered');
    await expect(buttonHosts(page)).toHaveAttribute('data-openhands-button', 'actions');
    await expect(page.locator('[data-component="PH_Actions"] [data-openhands-button]')).toHaveCount(1);
    await expect(sendButton(page)).toHaveCount(1);
    const placements = await page.evaluate(
      () => (window as unknown as { openHandsPlacements: string[] }).openHandsPlacements,
    );
    expect(placements).toEqual(['fallback', 'actions']);
  });

  test('should stay outside the sticky header copy', async ({ context }) => {
    for (const name of ['issue', 'pull', 'pull-files'] as const) {
      const page = await openPage(context, name);
      await expect(sendButton(page)).toHaveCount(1);
      const inSticky = await buttonHosts(page).evaluate(
        (host) => host.closest('[class*="stickyHeader"], [class*="StickyPullRequestHeader"]') !== null,
      );
      expect(inSticky, name).toBe(false);
      await page.close();
    }
  });

  test('should keep exactly one button through soft navigation between an issue and a PR', async ({
    context,
    openHands,
  }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toHaveCount(1);

    for (let round = 0; round < 2; round++) {
      await softNavigate(page, 'pull', 'turbo:render');
      await expect(page.locator('[class*="PullRequestHeaderSummary"]').first()).toBeAttached();
      await expect(buttonHosts(page)).toHaveCount(1);
      await expect(sendButton(page)).toHaveCount(1);
      await expect(buttonHosts(page)).toHaveAttribute('data-openhands-button', 'actions');

      await softNavigate(page, 'issue', 'soft-nav:react-done');
      await expect(page.getByTestId('issue-title').first()).toBeAttached();
      await expect(buttonHosts(page)).toHaveCount(1);
      await expect(sendButton(page)).toHaveCount(1);
    }

    // The menu and the request follow the page the user is on now
    await softNavigate(page, 'pull');
    await caretButton(page).click();
    await expect(page.getByRole('menuitem')).toHaveCount(5);
    await expect(page.getByRole('menuitem').first()).toHaveAccessibleName('Address review comments');
    await page.keyboard.press('Escape');
    await sendButton(page).click();
    const body = await sentBody(openHands);
    expect(body).toMatchObject({ selected_branch: 'feature/login-fix', pr_number: [7] });
  });

  test('should go away on pages where it does not belong, and come back', async ({ context }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toHaveCount(1);

    await softNavigate(page, 'repo');
    await expect(page.getByRole('heading', { name: 'hello-world', exact: true }).first()).toBeVisible();
    await expect(buttonHosts(page)).toHaveCount(0);

    // History change without any GitHub event: caught by popstate / the DOM observer
    await page.evaluate(() => history.back());
    await expect(page).toHaveURL(PAGES.issue.url);
    await expect(sendButton(page)).toHaveCount(1);

    // Loaded on a page where it does not belong: no button, until the user gets to one
    const repo = await openPage(context, 'repo');
    await expect(buttonHosts(repo)).toHaveCount(0);
    await softNavigate(repo, 'issue');
    await expect(sendButton(repo)).toHaveCount(1);
  });

  test('should come back once after React re-renders the header', async ({ context }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toHaveCount(1);

    // React replaces the header node; Turbo's snapshot clones carry a stale copy of our host along
    await page.evaluate(() => {
      const header = document.querySelector('[data-testid="issue-header"]');
      header?.replaceWith(header.cloneNode(true));
    });
    await expect(buttonHosts(page)).toHaveCount(1);
    await expect(sendButton(page)).toHaveCount(1);
    await expect(sendButton(page)).toBeVisible();

    await page.evaluate(() => {
      const actions = document.querySelector('[data-component="PH_Actions"]');
      actions?.replaceWith(actions.cloneNode(false));
    });
    await expect(buttonHosts(page)).toHaveCount(1);
    await expect(sendButton(page)).toBeVisible();
  });

  test('should load its menu only when the pointer comes, out of the page scripts’ reach', async ({
    context,
  }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toBeVisible();
    const menuLoaded = () =>
      buttonHosts(page).evaluate((host) => host.shadowRoot?.querySelector('[role="menu"]') !== null);
    await page.waitForTimeout(500);
    expect(await menuLoaded()).toBe(false);

    await caretButton(page).hover();
    await expect.poll(menuLoaded).toBe(true);
    await expect(page.getByRole('menu', { name: 'OpenHands actions' })).toBeHidden();
    await caretButton(page).click();
    await expect(page.getByRole('menu', { name: 'OpenHands actions' })).toBeVisible();

    // The UI lives in the extension's isolated world: nothing of it is a global of the page
    const globals = await page.evaluate(() => Object.keys(window).filter((key) => /openhands/i.test(key)));
    expect(globals).toEqual([]);
  });

  test('should take the button away once the extension was reloaded', async ({ context, serviceWorker }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toBeVisible();

    await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});
    // The old script notices at its next chance: a navigation, or the pointer reaching the button
    await softNavigate(page, 'pull');

    await expect(buttonHosts(page)).toHaveCount(0);
  });

  test('should start one conversation from a double click', async ({ context, openHands }) => {
    const page = await openPage(context, 'pull');

    await sendButton(page).dblclick();

    await expect(sendButton(page)).toHaveAttribute('aria-busy', 'true');
    await expect(sendButton(page)).toBeDisabled();
    await taskIdFromLink(page, openHands);
    // Give a second start every chance to arrive
    await page.waitForTimeout(1_500);
    expect(startRequests(openHands)).toHaveLength(1);
  });

  test('should show the start stages, then link to the conversation when it is ready', async ({
    context,
    openHands,
  }) => {
    const page = await openPage(context, 'issue');
    await sendButton(page).click();
    const status = page.getByRole('status', { name: 'OpenHands' });
    const id = await taskIdFromLink(page, openHands);
    await expect(status).toContainText('Starting an OpenHands conversation');
    await expect(status).toContainText(/Waiting for sandbox…|Preparing repository…|Running setup script…/);

    openHands.configure({ stepsPerPoll: 8 });
    await expect
      .poll(() => openHands.getStartTask(id)?.app_conversation_id ?? null, { timeout: 20_000 })
      .not.toBeNull();
    const conversationId = openHands.getStartTask(id)?.app_conversation_id;
    await expect(page.getByRole('link', { name: 'Open conversation' })).toHaveAttribute(
      'href',
      `https://app.all-hands.dev/conversations/${conversationId}`,
      { timeout: 15_000 },
    );
    await expect(status).toContainText('OpenHands conversation started');
    await expect(sendButton(page)).toHaveAttribute('aria-busy', 'false');
    await expect(sendButton(page)).toBeEnabled();

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(status).toBeHidden();
  });

  test('should send a custom prompt edited in the editor', async ({ context, openHands }) => {
    const page = await openPage(context, 'pull-fork');
    const caret = caretButton(page);
    await expect(caret).toHaveAttribute('aria-haspopup', 'menu');
    // The user's Tab: a focus given by a script would not take the keyboard (lib/content/resident/focus-guard.ts)
    await sendButton(page).focus();
    await page.keyboard.press('Tab');
    await expect(caret).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('menuitem', { name: 'Custom prompt…' })).toBeFocused();
    await page.keyboard.press('Enter');

    const editor = page.getByRole('dialog', { name: 'Custom prompt' });
    await expect(editor).toBeVisible();
    const textbox = editor.getByRole('textbox', { name: 'Message to OpenHands' });
    await expect(textbox).toBeFocused();
    const prefilled = await textbox.inputValue();
    expect(prefilled).toContain('https://github.com/octo-org/hello-world/pull/8');
    expect(prefilled).toContain('git fetch origin pull/8/head');
    // GitHub's hotkeys must not see what is typed in the editor
    await page.evaluate(() => {
      document.addEventListener('keydown', () =>
        document.documentElement.setAttribute('data-page-saw-key', ''),
      );
    });

    const custom = 'Only update the Spanish date formats in locales/es.json, then push.';
    await textbox.fill('');
    await textbox.pressSequentially('Only ');
    await textbox.fill(custom);
    await editor.getByRole('button', { name: 'Send', exact: true }).click();

    await expect(editor).toBeHidden();
    await expect(caret).toBeFocused();
    const body = await sentBody(openHands);
    expect(messageText(body)).toBe(custom);
    expect(body).toMatchObject({ selected_repository: 'octo-org/hello-world', pr_number: [8] });
    expect(body).not.toHaveProperty('selected_branch');
    await expect(page.locator('html')).not.toHaveAttribute('data-page-saw-key', '');
  });

  test('should close the editor with Escape and refuse an empty message', async ({ context, openHands }) => {
    const page = await openPage(context, 'issue');
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Custom prompt…' }).click();
    const editor = page.getByRole('dialog', { name: 'Custom prompt' });
    const textbox = editor.getByRole('textbox', { name: 'Message to OpenHands' });

    await textbox.fill('   ');
    await editor.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(editor.getByRole('alert')).toHaveText('The message is empty');
    await expect(editor).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await expect(caretButton(page)).toBeFocused();
    expect(startRequests(openHands)).toHaveLength(0);
  });

  test('should work the preset menu from the keyboard', async ({ context, openHands }) => {
    const page = await openPage(context, 'pull');
    const caret = caretButton(page);
    const menu = page.getByRole('menu', { name: 'OpenHands actions' });
    await expect(caret).toHaveAttribute('aria-expanded', 'false');

    // The user's Tab: a focus given by a script would not take the keyboard (lib/content/resident/focus-guard.ts)
    await sendButton(page).focus();
    await page.keyboard.press('Tab');
    await expect(caret).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(caret).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem')).toHaveText([
      /Address review comments/,
      /Fix failing checks/,
      /Resolve merge conflicts/,
      /Review and explain/,
      /Custom prompt…/,
    ]);
    await expect(menu.getByRole('menuitem', { name: 'Address review comments' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Fix failing checks' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(caret).toBeFocused();
    await expect(caret).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Address review comments' })).toBeFocused();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Address review comments' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await expect(menu).toBeHidden();

    const body = await sentBody(openHands);
    expect(messageText(body)).toContain('Fix the failing checks of GitHub pull request #7');
  });

  test('should show the issue presets, and close the menu on a click outside', async ({ context }) => {
    const page = await openPage(context, 'issue');
    await caretButton(page).click();
    const menu = page.getByRole('menu', { name: 'OpenHands actions' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      /Solve the issue/,
      /Investigate and report/,
      /Custom prompt…/,
    ]);
    await expect(menu.getByRole('menuitem', { name: 'Solve the issue' })).toHaveAccessibleDescription(
      'Fix it on a new branch and open a pull request.',
    );
    await page.getByTestId('issue-title').first().click();
    await expect(menu).toBeHidden();
  });

  test('should run the default action on the keyboard command', async ({
    context,
    openHands,
    serviceWorker,
  }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toHaveCount(1);
    await page.bringToFront();

    await pressShortcut(serviceWorker);

    const body = await sentBody(openHands);
    expect(messageText(body)).toContain('Solve GitHub issue #42');
  });

  test('should ignore the keyboard command while the Custom prompt editor is open', async ({
    context,
    openHands,
    serviceWorker,
  }) => {
    const page = await openPage(context, 'issue');
    await page.bringToFront();
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: 'Custom prompt…' }).click();
    const editor = page.getByRole('dialog', { name: 'Custom prompt' });
    await expect(editor).toBeVisible();
    const sentToTab = await recordCalls(serviceWorker, 'scripting.executeScript');

    await pressShortcut(serviceWorker);

    // The page got the command, and sent nothing behind the user's back
    await expect.poll(async () => (await sentToTab()).length).toBe(1);
    await page.waitForTimeout(1_500);
    expect(startRequests(openHands)).toHaveLength(0);
    await expect(editor).toBeVisible();
    await expect(page.getByRole('status', { name: 'OpenHands' })).toBeHidden();

    // Once the editor is closed, the command sends again
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await pressShortcut(serviceWorker);
    const body = await sentBody(openHands);
    expect(messageText(body)).toContain('Solve GitHub issue #42');
  });

  test('should say what to open when the keyboard command is pressed on another GitHub page', async ({
    context,
    openHands,
    serviceWorker,
  }) => {
    // `goto` waits for the load event, by which time the resident script ran (document_end)
    const page = await openPage(context, 'repo');
    await page.bringToFront();

    await pressShortcut(serviceWorker);

    const status = page.getByRole('status', { name: 'OpenHands' });
    await expect(status).toBeVisible();
    await expect(status).toContainText('Open an issue or pull request to send it to OpenHands.');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(status).toBeHidden();
    expect(startRequests(openHands)).toHaveLength(0);
  });

  test('should say what to open, in a notification, when the keyboard command is pressed off GitHub', async ({
    context,
    openHands,
    serviceWorker,
  }) => {
    await context.route('https://docs.example.org/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Docs</title><h1>Docs</h1>' }),
    );
    const page = await context.newPage();
    await page.goto('https://docs.example.org/guide');
    await page.bringToFront();
    const notifications = await recordCalls(serviceWorker, 'notifications.create');

    await pressShortcut(serviceWorker);

    await expect.poll(async () => (await notifications()).length).toBe(1);
    const [id, options] = JSON.parse((await notifications())[0] ?? '[]') as [string, Record<string, string>];
    expect(options).toMatchObject({
      type: 'basic',
      title: 'Nothing was sent to OpenHands',
      message: 'Open a GitHub issue or pull request to send it to OpenHands.',
    });
    const shown = () => serviceWorker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
    await expect.poll(shown).toEqual([id]);
    expect(startRequests(openHands)).toHaveLength(0);
  });
});

test.describe('the Send to OpenHands button without a working key', () => {
  test.beforeEach(async ({ context, serviceWorker }) => {
    expect(serviceWorker.url()).toContain('background.js');
    await routeAllPages(context);
  });

  test('should say the key is missing and link to the options page', async ({ context, extensionId }) => {
    const page = await openPage(context, 'issue');
    await sendButton(page).click();

    const status = page.getByRole('status', { name: 'OpenHands' });
    await expect(status).toContainText('Add your OpenHands API key in the extension options.');
    const options = status.getByRole('button', { name: 'Open extension options' });
    const opened = context.waitForEvent('page');
    await options.click();
    await expect(await opened).toHaveURL(`chrome-extension://${extensionId}/options.html`);
    await expect(sendButton(page)).toBeEnabled();
  });

  test('should say the concurrency limit was reached and link to OpenHands’ conversation list', async ({
    context,
    extension,
    openHands,
  }) => {
    await extension.configure({ apiKey: 'test-key' });
    openHands.failNext({ kind: 'concurrency_limit', path: '/api/v1/app-conversations', method: 'POST' });
    const page = await openPage(context, 'issue');
    await sendButton(page).click();

    const status = page.getByRole('status', { name: 'OpenHands' });
    await expect(status).toContainText('You have 3 of 3 conversations running');
    // The home page lists recent conversations; the web app has no `/conversations` page.
    await expect(status.getByRole('link', { name: 'Open OpenHands' })).toHaveAttribute(
      'href',
      'https://app.all-hands.dev/',
    );
  });

  test('should say the key was rejected (401) and link to the options page', async ({
    context,
    extension,
    openHands,
  }) => {
    await extension.configure({ apiKey: 'test-key' });
    openHands.failNext({ kind: 'unauthorized', path: '/api/v1/app-conversations', method: 'POST' });
    const page = await openPage(context, 'pull');
    await sendButton(page).click();

    const status = page.getByRole('status', { name: 'OpenHands' });
    await expect(status).toContainText('OpenHands did not accept the API key.');
    await expect(status.getByRole('button', { name: 'Open extension options' })).toBeVisible();
    await expect(status.getByRole('link', { name: 'Open conversation' })).toHaveCount(0);
  });
});
