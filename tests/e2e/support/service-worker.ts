import type { BrowserContext, Page, Worker } from '@playwright/test';

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

/**
 * Runs the background's keyboard-shortcut listener as if Alt+Shift+O were pressed in the front tab: headless
 * Chromium can't press extension shortcuts, but the worker's own event object can dispatch to its listeners.
 */
export async function pressShortcut(worker: Worker, command = 'send-default'): Promise<void> {
  await worker.evaluate((name) => {
    (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch(name);
  }, command);
}

/** The extension APIs `recordCalls` can watch. */
export type WatchedCall = 'tabs.sendMessage' | 'scripting.executeScript' | 'notifications.create';

/**
 * Wraps `chrome.<api>.<method>` in the worker so every call's arguments are kept (as JSON; callbacks become
 * `null`) before the real method runs. Returns a reader for the calls so far. Lasts until the worker stops.
 */
export async function recordCalls(worker: Worker, call: WatchedCall): Promise<() => Promise<string[]>> {
  const store = `recorded:${call}`;
  await worker.evaluate(
    ({ call, store }) => {
      const [api, method] = call.split('.') as [string, string];
      const target = (chrome as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
        api
      ];
      if (!target) throw new Error(`No chrome.${api}`);
      const original = target[method]?.bind(target);
      if (!original) throw new Error(`No chrome.${call}`);
      const calls: string[] = [];
      Object.assign(globalThis, { [store]: calls });
      target[method] = (...args: unknown[]) => {
        calls.push(JSON.stringify(args));
        return original(...args);
      };
    },
    { call, store },
  );
  return () =>
    worker.evaluate((store) => (globalThis as unknown as Record<string, string[]>)[store] ?? [], store);
}
