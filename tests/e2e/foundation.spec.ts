import { expect, test } from './fixtures.ts';
import { routeGitHub } from './support/github.ts';

test.describe('the built extension', () => {
  test('should run its service worker', async ({ serviceWorker, extensionId }) => {
    expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
    const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Send to OpenHands');
  });

  test('should render the popup heading', async ({ extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByRole('heading', { level: 1, name: 'Send to OpenHands' })).toBeVisible();
  });

  test('should render the options page heading', async ({ extension }) => {
    const options = await extension.openOptions();
    await expect(options.getByRole('heading', { level: 1 })).toContainText('Send to OpenHands');
  });

  test('should run its content script on a GitHub page', async ({ context }) => {
    const url = 'https://github.com/octo-org/hello-world';
    await routeGitHub(context, {
      [url]: { html: '<!doctype html><title>octo-org/hello-world</title><main>repo</main>' },
    });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('data-send-to-openhands', 'loaded');
  });
});
