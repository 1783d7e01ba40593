import type { BrowserContext, Page } from '@playwright/test';

/**
 * Stops the extension's service worker through the DevTools Protocol, as the browser does when it idles,
 * and resolves once it reports `stopped`. `page` is any page of the context (used for the CDP session).
 */
export async function stopServiceWorker(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const status = new Map<string, string>();
  let seen: () => void = () => {};
  let stopped: () => void = () => {};
  const anySeen = new Promise<void>((resolve) => {
    seen = resolve;
  });
  const allStopped = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`))
        status.set(v.versionId, v.runningStatus);
    }
    if (status.size > 0) seen();
    if (status.size > 0 && [...status.values()].every((s) => s === 'stopped')) stopped();
  });
  await cdp.send('ServiceWorker.enable');
  await anySeen;
  for (const [versionId, s] of status) {
    if (s !== 'stopped') await cdp.send('ServiceWorker.stopWorker', { versionId });
  }
  await allStopped;
  await cdp.detach();
}
