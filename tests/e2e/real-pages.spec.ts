import type { BrowserContext } from '@playwright/test';
import { GITHUB_REAL_MISSING, REAL_PAGES, type RealPage, readRealPage } from '../support/github-real.ts';
import { expect, test } from './fixtures.ts';
import { buttonHosts, messageText, sendButton, startRequests } from './support/github-button.ts';

/*
 * The built extension on real github.com pages (issue 17), each served at the URL it was captured from: the
 * fixtures are imitations, these are what the selectors must really match. GitHub's own scripts and assets are
 * not reachable, as in the captures: the pages show their server-rendered markup.
 */

test.skip(Boolean(GITHUB_REAL_MISSING), GITHUB_REAL_MISSING ?? '');

/**
 * What of GitHub's stylesheets decides where a button can be seen: its `d-none` utility (the signed-out React PR
 * header hides its actions slot with it). The stylesheets themselves are not reachable here.
 */
const GITHUB_UTILITIES = '<style>.d-none{display:none!important}[hidden]{display:none!important}</style>';

/** Serves `page` at its URL; everything else off github.com and OpenHands (assets, avatars) fails at once. */
async function serve(context: BrowserContext, page: RealPage) {
  await context.route(/^https:\/\/(?!github\.com\/|app\.all-hands\.dev\/)/, (route) => route.abort());
  await context.route('https://github.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (`${url.origin}${url.pathname}` !== page.url) return route.fulfill({ status: 404, body: '' });
    const html = readRealPage(page).replace('</head>', `${GITHUB_UTILITIES}</head>`);
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

test.describe('real GitHub pages', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.configure({ apiKey: 'test-key' });
  });

  for (const real of REAL_PAGES.filter((page) => page.expected)) {
    const expected = real.expected as NonNullable<RealPage['expected']>;
    test(`${real.file}: one button in the header, and a click sends the item`, async ({
      context,
      openHands,
    }) => {
      await serve(context, real);
      const page = await context.newPage();
      await page.goto(real.url);

      await expect(sendButton(page)).toBeVisible();
      await expect(buttonHosts(page)).toHaveCount(1);
      await expect(buttonHosts(page)).toHaveAttribute('data-openhands-button', /^(actions|legacy)$/);
      expect(
        await buttonHosts(page).evaluate((host) =>
          Boolean(
            host.closest(
              'header, #partial-discussion-header, .gh-header-show, [data-component="PageHeader"], [data-testid="issue-header"]',
            ),
          ),
        ),
      ).toBe(true);

      await sendButton(page).click();
      await expect.poll(() => startRequests(openHands).length).toBe(1);
      const [request] = startRequests(openHands);
      const body = request?.body as Record<string, unknown>;
      expect(request?.validationErrors).toEqual([]);
      expect(body).toMatchObject({
        selected_repository: expected.repository,
        git_provider: 'github',
        title: `#${expected.number}: ${expected.title}`,
        ...(real.kind === 'pull' && { pr_number: [expected.number] }),
      });
      expect(body.selected_branch).toBe(expected.branch);
      const message = messageText(body);
      expect(message).toContain(expected.title);
      expect(message).not.toContain(` - #${expected.number}`);
    });
  }

  test('the 2026 React PR conversation: every unresolved review thread gets "Ask OpenHands"', async ({
    context,
  }) => {
    const real = REAL_PAGES.find((page) => page.file.startsWith('pr-conversation-react')) as RealPage;
    await serve(context, real);
    const page = await context.newPage();
    await page.goto(real.url);

    const unresolved = page.locator('review-thread-collapsible[data-resolved="false"]');
    const count = await unresolved.count();
    expect(count).toBeGreaterThan(0);
    await expect
      .poll(() =>
        unresolved.evaluateAll(
          (threads) => threads.filter((t) => t.querySelector('[data-openhands-ask]')).length,
        ),
      )
      .toBe(count);
    await expect(page.getByRole('button', { name: 'Ask OpenHands' })).toHaveCount(
      await page.locator('[data-openhands-ask]').count(),
    );
  });

  test('the classic Files page: its inline review thread gets "Ask OpenHands"', async ({ context }) => {
    const real = REAL_PAGES.find((page) => page.file.startsWith('pr-files-classic')) as RealPage;
    await serve(context, real);
    const page = await context.newPage();
    await page.goto(real.url);

    await expect(page.getByRole('button', { name: 'Ask OpenHands' })).toHaveCount(1);
  });

  test('a commit page gets no button, although it has the same header hooks', async ({
    context,
    openHands,
  }) => {
    const real = REAL_PAGES.find((page) => page.kind === 'other') as RealPage;
    await serve(context, real);
    const page = await context.newPage();
    await page.goto(real.url);
    await expect(page.locator('[data-component="PH_Actions"]')).toHaveCount(1);

    await page.waitForTimeout(1_000);
    await expect(buttonHosts(page)).toHaveCount(0);
    expect(openHands.requests.filter((r) => r.path.startsWith('/api/v1/app-conversations'))).toEqual([]);
  });
});
