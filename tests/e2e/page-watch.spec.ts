import { expect, test } from './fixtures.ts';
import { routeGitHub } from './support/github.ts';
import { openPage, PAGES, routeAllPages, softNavigate } from './support/github-button.ts';
import { recordCalls } from './support/service-worker.ts';

/*
 * The background brings the GitHub UI bundle to issue and PR pages with known conversations
 * (lib/background/tabs/page-watch.ts), from tabs.onUpdated: full loads, reloads and soft navigations; the resident
 * script asks for it when a PR page shows review threads. What the UI then shows is the status control's and
 * the follow-ups' business (their own specs); here: when the bundle is injected, and that a page without
 * conversations costs no request to OpenHands.
 */

/** A PR without conversations whose timeline shows review threads. */
const PULL_WITH_THREADS = 'https://github.com/octo-org/hello-world/pull/10';

const input = {
  repository: 'octo-org/hello-world',
  title: '#42: Crash on startup',
  message: `Please solve ${PAGES.issue.url}`,
  source: { kind: 'issue', url: PAGES.issue.url, number: 42 },
};

/** The injections of a bundle the background made so far (each into a tab's top frame). */
const injections = (calls: string[], bundle = 'github-ui.js') =>
  calls.filter((call) => call.includes(bundle) && call.includes('"frameIds":[0]'));

test.describe('page watch', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should load no UI and send no request for pages without conversations, nor for review threads until one is asked about', async ({
    context,
    serviceWorker,
    openHands,
  }) => {
    const calls = await recordCalls(serviceWorker, 'scripting.executeScript');
    const before = openHands.requests.length;
    for (const name of ['issue', 'pull'] as const) {
      const page = await openPage(context, name);
      await page.waitForLoadState('load');
    }
    await context.pages().at(-1)?.waitForTimeout(1_000);
    expect(openHands.requests.slice(before)).toEqual([]);
    expect(injections(await calls())).toEqual([]);

    // Review threads bring their "Ask OpenHands" buttons, in their own small bundle; still no UI, no request
    await routeGitHub(context, { [PULL_WITH_THREADS]: { file: 'pull-timeline-threads.html' } });
    const threads = await context.newPage();
    await threads.goto(PULL_WITH_THREADS);
    await expect(threads.getByRole('button', { name: 'Ask OpenHands', exact: true }).first()).toBeVisible();
    expect(injections(await calls(), 'github-threads.js')).toHaveLength(1);
    expect(injections(await calls())).toEqual([]);
    expect(openHands.requests.slice(before)).toEqual([]);
  });

  test('should bring the UI to an issue with a conversation: on load, reload and soft navigation back', async ({
    context,
    serviceWorker,
    extension,
  }) => {
    const reply = await extension.send({ type: 'conversation.start', input });
    expect(reply.ok).toBe(true);
    const calls = await recordCalls(serviceWorker, 'scripting.executeScript');

    const page = await openPage(context, 'issue');
    await expect.poll(async () => injections(await calls()).length).toBe(1);
    await page.reload();
    await expect.poll(async () => injections(await calls()).length).toBe(2);
    // A PR without conversations (nor review threads) needs none; back on the issue, the copy is refreshed
    await softNavigate(page, 'pull');
    await page.waitForTimeout(1_000);
    expect(injections(await calls())).toHaveLength(2);
    await softNavigate(page, 'issue');
    await expect.poll(async () => injections(await calls()).length).toBe(3);
  });
});
