import type { Worker } from '@playwright/test';

/**
 * Notes the type of every message the background receives from now on (one more listener, which answers
 * nothing), for tests that check what pages ask for. Returns a function that reads them. The worker must stay
 * up meanwhile: a restarted worker starts without the listener.
 */
export async function recordMessages(serviceWorker: Worker): Promise<() => Promise<string[]>> {
  await serviceWorker.evaluate(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { __messagesSeen: seen });
    chrome.runtime.onMessage.addListener((message: unknown) => {
      seen.push(String((message as { type?: unknown })?.type));
    });
  });
  return () =>
    serviceWorker.evaluate(() => (globalThis as { __messagesSeen?: string[] }).__messagesSeen ?? []);
}
