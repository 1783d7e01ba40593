import type { ConsoleMessage } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { caretButton, openPage, routeAllPages, sendButton, startRequests } from './support/github-button.ts';
import { pressShortcut, recordCalls } from './support/service-worker.ts';

const KEY = 'oh-security-key-5f1c9a7e';

/** Everything a page script can read of the document, shadow roots included. */
function readableDom(): string {
  const parts = [document.documentElement.outerHTML];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
  return parts.join('\n');
}

test.describe('security', () => {
  test.beforeEach(async ({ context, extension, openHands }) => {
    openHands.configure({ apiKey: KEY });
    await routeAllPages(context);
    await extension.configure({ apiKey: KEY });
  });

  test('should not let a script in the GitHub page obtain the key or start a conversation', async ({
    context,
    extensionId,
    openHands,
  }) => {
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toBeVisible();

    const attempts = await page.evaluate(
      async ({ extensionId }) => {
        const results: Record<string, string> = {};
        const start = {
          type: 'conversation.start',
          input: {
            repository: 'evil/repo',
            message: 'exfiltrate',
            source: { kind: 'issue', url: location.href },
          },
        };
        const w = window as unknown as {
          chrome?: {
            runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> };
            storage?: unknown;
          };
        };
        results.chromeRuntime = typeof w.chrome?.runtime?.sendMessage;
        results.chromeStorage = typeof w.chrome?.storage;
        const sendMessage = w.chrome?.runtime?.sendMessage;
        if (typeof sendMessage !== 'function') results.sendMessage = 'unavailable';
        else {
          try {
            await sendMessage(extensionId, start);
            await sendMessage(extensionId, { type: 'settings.get' });
            results.sendMessage = 'delivered';
          } catch (error) {
            results.sendMessage = `refused: ${error}`;
          }
        }
        // postMessage in the shapes our messages have, and custom DOM events.
        for (const data of [
          start,
          { type: 'settings.get' },
          { type: 'command.send-default' },
          { source: 'send-to-openhands', ...start },
        ]) {
          window.postMessage(data, '*');
          document.dispatchEvent(new CustomEvent('send-to-openhands', { detail: data }));
          document.dispatchEvent(new CustomEvent('command.send-default', { detail: data }));
        }
        // Synthetic clicks and keys on our own button and menu, reached through the open shadow root.
        const root = document.querySelector('[data-openhands-button]')?.shadowRoot;
        const buttons = [...(root?.querySelectorAll('button') ?? [])];
        for (const button of buttons) {
          button.click();
          button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        }
        results.buttonsReached = String(buttons.length);
        try {
          await fetch(`chrome-extension://${extensionId}/github-ui.js`);
          results.uiBundle = 'fetched';
        } catch (error) {
          results.uiBundle = `refused: ${error}`;
        }
        return results;
      },
      { extensionId },
    );

    expect(attempts.buttonsReached).toBe('2');
    // The UI bundle is no web-accessible resource: only the background can inject it
    expect(attempts.uiBundle).toMatch(/^refused/);
    expect(attempts.chromeStorage).toBe('undefined');
    // Not externally connectable: the page either has no runtime.sendMessage or it is refused.
    expect(attempts.sendMessage).not.toBe('delivered');
    await page.waitForTimeout(2_000);
    expect(startRequests(openHands)).toHaveLength(0);
    await expect(page.getByRole('menu')).toBeHidden();
    expect(await page.evaluate(readableDom)).not.toContain(KEY);
  });

  test('should keep the real button when the page takes its element names first, and ignore an Enter on a focus the page gave', async ({
    context,
    openHands,
  }) => {
    // Runs in the page before any content script: look-alikes under the names an extension might use
    await context.addInitScript(() => {
      for (const name of ['send-to-openhands', 'send-to-openhands-status', 'send-to-openhands-ask']) {
        customElements.define(
          name,
          class extends HTMLElement {
            constructor() {
              super();
              const fake = document.createElement('button');
              fake.textContent = 'Send to OpenHands';
              this.attachShadow({ mode: 'closed' }).append(fake);
            }
          },
        );
      }
    });
    const page = await openPage(context, 'issue');
    await expect(sendButton(page)).toBeVisible();
    await expect(
      page.locator('[data-openhands-button]').getByRole('button', { name: 'Send to OpenHands', exact: true }),
    ).toHaveCount(1);

    // The page focuses the real button: the user's Enter does nothing
    await page.evaluate(() =>
      document
        .querySelector('[data-openhands-button]')
        ?.shadowRoot?.querySelector<HTMLElement>('button')
        ?.focus(),
    );
    await page.keyboard.press('Enter');
    // The page moves the focus to the button in the middle of the user's keystroke in its own text box
    await page.evaluate(() => {
      const box = document.body.appendChild(document.createElement('textarea'));
      box.setAttribute('aria-label', 'Comment');
      box.addEventListener('keydown', () =>
        document
          .querySelector('[data-openhands-button]')
          ?.shadowRoot?.querySelector<HTMLElement>('button')
          ?.focus(),
      );
    });
    await page.getByRole('textbox', { name: 'Comment' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_500);
    expect(startRequests(openHands)).toHaveLength(0);

    // The user's own Tab gives the focus: Enter starts
    await caretButton(page).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(sendButton(page)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => startRequests(openHands).length).toBe(1);
  });

  test('should keep the key out of logs, pages and messages to tabs', async ({
    context,
    extension,
    openHands,
    serviceWorker,
  }) => {
    const logs: string[] = [];
    const record = (message: ConsoleMessage) => logs.push(message.text());
    serviceWorker.on('console', record);
    for (const page of context.pages()) page.on('console', record);
    context.on('page', (page) => page.on('console', record));
    // Every message the background sends to a tab, and everything it runs in one (the keyboard command calls
    // the resident script with scripting.executeScript), recorded before it goes
    const sentToTabs = await recordCalls(serviceWorker, 'tabs.sendMessage');
    const runInTabs = await recordCalls(serviceWorker, 'scripting.executeScript');

    // The options page: test the key, then a wrong one.
    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await options.getByLabel('API key').fill('oh-wrong-key-00000000');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert')).toBeVisible();
    expect(await options.evaluate(readableDom)).not.toContain(KEY);

    // The GitHub button: a start that reaches READY, a preset from the menu, and a rejected key.
    openHands.configure({ stepsPerPoll: 4 });
    const page = await openPage(context, 'pull');
    await sendButton(page).click();
    await expect(page.getByRole('link', { name: 'Open conversation' })).toHaveAttribute(
      'href',
      /\/conversations\/[0-9a-f]{32}$/,
      {
        timeout: 20_000,
      },
    );
    await page.getByRole('button', { name: 'Dismiss' }).click();
    openHands.failNext('unauthorized');
    await caretButton(page).click();
    await page.getByRole('menuitem', { name: /Fix failing checks/ }).click();
    await expect(page.getByText('OpenHands did not accept the API key')).toBeVisible();
    expect(await page.evaluate(readableDom)).not.toContain(KEY);

    // The keyboard shortcut: the background calls into the tab, on a PR and on a page with nothing to send.
    await page.bringToFront();
    await pressShortcut(serviceWorker);
    // The first conversation is still running: the shortcut asks before starting another
    await page.getByRole('button', { name: 'Start another' }).click();
    await expect(page.getByRole('status', { name: 'OpenHands' })).toContainText('OpenHands conversation');
    const repo = await openPage(context, 'repo');
    await repo.bringToFront();
    await pressShortcut(serviceWorker);
    await expect(repo.getByRole('status', { name: 'OpenHands' })).toContainText(
      'Open an issue or pull request',
    );
    expect(await repo.evaluate(readableDom)).not.toContain(KEY);

    const popup = await extension.openPopup();
    await expect(popup.locator('ul li').first()).toBeVisible();
    expect(await popup.evaluate(readableDom)).not.toContain(KEY);

    const messagesToTabs = [...(await sentToTabs()), ...(await runInTabs())];
    // Not vacuous: both shortcut presses reached the tabs through the background
    expect(messagesToTabs.length).toBeGreaterThanOrEqual(2);
    expect(messagesToTabs.join('\n')).not.toContain(KEY);
    expect(logs.join('\n')).not.toContain(KEY);
    // The key did reach the server, in the header and nowhere else.
    const authorised = openHands.requests.filter((r) => r.headers.authorization === `Bearer ${KEY}`);
    expect(authorised.length).toBeGreaterThan(0);
    expect(openHands.requests.every((r) => !r.rawBody.includes(KEY) && !r.path.includes(KEY))).toBe(true);
  });
});
