import { expect, test } from './fixtures.ts';
import { openPage, PAGES, routeAllPages, softNavigate } from './support/github-button.ts';
import { recordCalls } from './support/service-worker.ts';

/*
 * The background brings the GitHub UI bundle to issue pages with known conversations and to every PR page
 * (lib/background/page-watch.ts), from tabs.onUpdated: full loads, reloads and soft navigations. What the UI
 * then shows is the status control's business (its own specs); here: when the bundle is injected, and that a
 * page without conversations costs no request to OpenHands.
 */

const input = {
  repository: 'octo-org/hello-world',
  title: '#42: Crash on startup',
  message: `Please solve ${PAGES.issue.url}`,
  source: { kind: 'issue', url: PAGES.issue.url, number: 42 },
};

/** The UI bundle injections the background made so far (each into a tab's top frame). */
const injections = (calls: string[]) =>
  calls.filter((call) => call.includes('github-ui.js') && call.includes('"frameIds":[0]'));

test.describe('page watch', () => {
  test.beforeEach(async ({ context, extension }) => {
    await routeAllPages(context);
    await extension.configure({ apiKey: 'test-key' });
  });

  test('should send no request for an issue without conversations, and bring the UI to PR pages', async ({
    context,
    serviceWorker,
    openHands,
  }) => {
    const calls = await recordCalls(serviceWorker, 'scripting.executeScript');
    const before = openHands.requests.length;
    const issue = await openPage(context, 'issue');
    await issue.waitForLoadState('load');
    await issue.waitForTimeout(1_000);
    expect(openHands.requests.slice(before)).toEqual([]);
    expect(injections(await calls())).toEqual([]);

    await openPage(context, 'pull');
    await expect.poll(async () => injections(await calls()).length).toBe(1);
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
    await softNavigate(page, 'pull');
    await expect.poll(async () => injections(await calls()).length).toBe(3);
    await softNavigate(page, 'issue');
    await expect.poll(async () => injections(await calls()).length).toBe(4);
  });
});
