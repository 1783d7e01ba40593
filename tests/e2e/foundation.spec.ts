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
    // Markup GitHub may have changed entirely: the button still shows, at the top of `main`
    const url = 'https://github.com/octo-org/hello-world/issues/1';
    await routeGitHub(context, {
      [url]: { html: '<!doctype html><title>An issue</title><main>issue</main>' },
    });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Send to OpenHands', exact: true })).toBeVisible();
  });
});

test('should load its pages and worker without errors', async ({ context, serviceWorker, extension }) => {
  const errors: string[] = [];
  serviceWorker.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`));
  const watch = (page: import('@playwright/test').Page, name: string) => {
    page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  };
  context.on('page', (page) => watch(page, page.url()));
  for (const open of [extension.openPopup, extension.openOptions]) {
    const page = await open();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  const compose = await extension.openPage('compose.html');
  await expect(compose.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});
