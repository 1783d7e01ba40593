import type { BrowserContext, Page } from '@playwright/test';
import type { OpenHandsTestServer } from '../../support/openhands-server/index.ts';
import { readGitHubFixture, routeGitHub } from './github.ts';

/** Every GitHub stand-in the button tests use: the URL each fixture is served at. */
export const PAGES = {
  issue: { url: 'https://github.com/octo-org/hello-world/issues/42', file: 'issue.html' },
  pull: { url: 'https://github.com/octo-org/hello-world/pull/7', file: 'pull.html' },
  'pull-fork': { url: 'https://github.com/octo-org/hello-world/pull/8', file: 'pull-fork.html' },
  // Legacy (older GHE) markup, served on github.com where the content script runs (see the fixtures' README)
  'pull-legacy': { url: 'https://github.com/platform/billing-service/pull/15', file: 'pull-legacy.html' },
  'issue-no-landmarks': {
    url: 'https://github.com/octo-org/hello-world/issues/51',
    file: 'issue-no-landmarks.html',
  },
  'pull-files': { url: 'https://github.com/octo-org/hello-world/pull/9/files', file: 'pull-files.html' },
  'issue-late-header': {
    url: 'https://github.com/octo-org/hello-world/issues/60',
    file: 'issue-late-header.html',
  },
  repo: { url: 'https://github.com/octo-org/hello-world', file: 'repo.html' },
} as const;

export type PageName = keyof typeof PAGES;

/** Serves every fixture in `PAGES` at its URL. */
export async function routeAllPages(context: BrowserContext): Promise<void> {
  await routeGitHub(
    context,
    Object.fromEntries(Object.values(PAGES).map(({ url, file }) => [url, { file }])),
  );
}

/** Opens a fixture in a new tab with a real page load. */
export async function openPage(context: BrowserContext, name: PageName): Promise<Page> {
  const page = await context.newPage();
  await page.goto(PAGES[name].url);
  return page;
}

/** The main button; `exact` so that "More OpenHands actions" never counts. */
export const sendButton = (page: Page) =>
  page.getByRole('button', { name: 'Send to OpenHands', exact: true });
export const caretButton = (page: Page) => page.getByRole('button', { name: 'More OpenHands actions' });
/** Every host element on the page, including stale copies that would show no button. */
export const buttonHosts = (page: Page) => page.locator('[data-openhands-button]');

/** The start requests the OpenHands stand-in received. */
export function startRequests(openHands: OpenHandsTestServer) {
  return openHands.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/app-conversations');
}

/** The text of a start request's initial message. */
export function messageText(body: unknown): string {
  const message = (body as { initial_message?: { content?: { text?: string }[] } }).initial_message;
  return message?.content?.[0]?.text ?? '';
}

/**
 * Imitates GitHub's soft navigation to another fixture: `history.pushState`, Turbo's swap of `<body>` and the
 * head's `og:url`, a new `document.title`, then GitHub's event (`turbo:render` or `soft-nav:react-done`).
 * Scripts in the new body don't run, as with Turbo's snapshot.
 */
export async function softNavigate(
  page: Page,
  name: PageName,
  event: 'turbo:render' | 'soft-nav:react-done' = 'turbo:render',
): Promise<void> {
  const { url, file } = PAGES[name];
  await page.evaluate(
    ({ url, html, event }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', url);
      document.title = next.title;
      const ogUrl = next.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
      document.querySelector('meta[property="og:url"]')?.setAttribute('content', ogUrl);
      document.body.replaceWith(document.adoptNode(next.body));
      document.dispatchEvent(new Event(event, { bubbles: true }));
    },
    { url, html: readGitHubFixture(file), event },
  );
}

/** Primer's dark theme values for the tokens the UI and the fixtures use (GitHub defines them per theme). */
export const PRIMER_DARK = `
:root[data-color-mode="dark"] {
  color-scheme: dark;
  --bgColor-default: #0d1117; --bgColor-muted: #151b23; --fgColor-default: #f0f6fc; --fgColor-muted: #9198a1;
  --fgColor-accent: #4493f8; --fgColor-success: #3fb950; --fgColor-danger: #f85149; --fgColor-disabled: #656c7699; --bgColor-disabled: #212830;
  --borderColor-default: #3d444d; --borderColor-muted: #3d444db3; --focus-outlineColor: #1f6feb;
  --button-default-bgColor-rest: #212830; --button-default-bgColor-hover: #262c36; --button-default-bgColor-active: #2a313c;
  --button-default-borderColor-rest: #3d444d; --button-default-borderColor-hover: #3d444d; --button-default-fgColor-rest: #f0f6fc;
  --button-default-shadow-resting: 0 0 0 0 #000000; --button-primary-bgColor-rest: #238636; --button-primary-bgColor-hover: #29903b;
  --button-primary-fgColor-rest: #ffffff; --button-primary-borderColor-rest: #f0f6fc1a;
  --overlay-bgColor: #151b23; --overlay-backdrop-bgColor: #21283066; --control-transparent-bgColor-hover: #656c7633;
  --control-borderColor-rest: #3d444d;
  --shadow-floating-small: 0 0 0 1px #3d444d, 0 6px 12px -3px #01040966, 0 6px 18px 0 #01040966;
  --shadow-floating-medium: 0 0 0 1px #3d444d, 0 8px 16px -4px #01040966, 0 4px 32px -4px #01040966;
  --shadow-floating-large: 0 0 0 1px #3d444d, 0 24px 48px 0 #010409;
}`;

/** Switches the page to GitHub's dark theme the way GitHub does: `data-color-mode` plus the theme's tokens. */
export async function useDarkTheme(page: Page): Promise<void> {
  await page.addStyleTag({ content: PRIMER_DARK });
  await page.evaluate(() => document.documentElement.setAttribute('data-color-mode', 'dark'));
}
