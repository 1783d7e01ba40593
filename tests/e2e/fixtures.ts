import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { type OpenHandsTestServer, startOpenHandsServer } from '../support/openhands-server/index.ts';
import { launchWithExtension } from './support/chromium.ts';
import { settleInstallTab } from './support/install-tab.ts';
import { CLOUD_ORIGIN, routeOpenHands } from './support/openhands.ts';
import { stopServiceWorker } from './support/service-worker.ts';

/** What end-to-end tests get: Chromium with the built extension, and a local OpenHands stand-in behind Cloud's URL. */
interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  openHands: OpenHandsTestServer;
  extension: ExtensionHelpers;
}

export interface ExtensionHelpers {
  /** Opens the toolbar popup's page in a tab, the way Playwright can reach it. */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Opens any extension page by file name, e.g. `compose.html?text=…`. */
  openPage(pathAndQuery: string): Promise<Page>;
  /** Saves an API key and server URL through the background, as the options page does, without its UI. */
  configure(settings: { apiKey?: string; serverUrl?: string; notifications?: boolean }): Promise<void>;
  /** Reads chrome.storage.local in the service worker. */
  storage(): Promise<Record<string, unknown>>;
  /** Sends a message to the background from an extension page, as the popup or options page would. */
  send<T = unknown>(
    message: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }>;
  /** Stops the service worker through the DevTools Protocol, as the browser does when it idles. */
  stopServiceWorker(): Promise<void>;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  openHands: async ({}, use) => {
    const server = await startOpenHandsServer({ mode: 'cloud', apiKey: 'test-key' });
    await use(server);
    await server.close();
  },
  context: async ({ colorScheme, openHands }, use) => {
    const context = await launchWithExtension({ colorScheme: colorScheme === 'dark' ? 'dark' : 'light' });
    await routeOpenHands(context, openHands.url);
    // The options page opens on install; let it settle so it does not take over a tab a test opens.
    await settleInstallTab(context);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  extension: async ({ context, extensionId }, use) => {
    const currentWorker = async () =>
      context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
      (await context.waitForEvent('serviceworker'));
    const openPage = async (pathAndQuery: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    };
    let messenger: Page | undefined;
    const send = async (message: unknown) => {
      // The options page: unlike the popup it does not poll, so it never wakes the worker by itself.
      if (!messenger || messenger.isClosed()) messenger = await openPage('options.html');
      return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
    };
    await use({
      openPage,
      openPopup: () => openPage('popup.html'),
      openOptions: () => openPage('options.html'),
      configure: async ({ apiKey, serverUrl = CLOUD_ORIGIN, notifications = true }) => {
        const reply = await send({ type: 'settings.save', serverUrl, apiKey, notifications });
        expect(reply).toMatchObject({ ok: true });
        // Closed again, so "Open extension options" in a test opens a page rather than focusing this one.
        await messenger?.close();
      },
      send,
      stopServiceWorker: async () => {
        const page = messenger && !messenger.isClosed() ? messenger : await openPage('options.html');
        await stopServiceWorker(context, page, extensionId);
      },
      storage: async () => (await currentWorker()).evaluate(() => chrome.storage.local.get(null)),
    });
  },
});

export { expect };
