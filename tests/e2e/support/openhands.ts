import type { BrowserContext } from '@playwright/test';

/** OpenHands Cloud, as the extension knows it by default. */
export const CLOUD_ORIGIN = 'https://app.all-hands.dev';

/** Set both to run the real-server cases against a live OpenHands server. */
export const REAL_SERVER =
  process.env.OPENHANDS_BASE_URL && process.env.OPENHANDS_API_KEY
    ? { url: process.env.OPENHANDS_BASE_URL.replace(/\/+$/, ''), apiKey: process.env.OPENHANDS_API_KEY }
    : null;

/**
 * Sends the extension's requests for `origin` to the local test server. Playwright routes the service
 * worker's fetches too, so the production build talks to it through its ordinary host permission.
 */
export async function routeOpenHands(
  context: BrowserContext,
  serverUrl: string,
  origin = CLOUD_ORIGIN,
  /** Called as each API request arrives, before it is forwarded (the benchmark times requests with it). */
  onApiRequest?: (method: string, path: string) => void,
) {
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // Web UI links (e.g. /conversations/…) are opened in tabs by the extension; answer them with a stub page.
    if (!url.pathname.startsWith('/api/')) {
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<title>OpenHands ${url.pathname}</title>`,
      });
      return;
    }
    onApiRequest?.(request.method(), url.pathname);
    try {
      const response = await route.fetch({ url: `${serverUrl}${url.pathname}${url.search}` });
      await route.fulfill({ response });
    } catch {
      // The stand-in dropped the connection on purpose (a "disconnect" failure): the extension sees a network error.
      await route.abort('connectionreset').catch(() => {});
    }
  });
}
