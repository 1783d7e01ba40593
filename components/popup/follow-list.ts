import type { Browser } from 'wxt/browser';
import { browser } from '#imports';
import { LIST_PORT } from '@/lib/protocol/messages';

/** A port closed sooner than this after opening was refused or broke at once: opening it again would spin. */
const MIN_PORT_LIFETIME_MS = 1_000;

/**
 * Tells the background that this page follows the list, until the returned function is called: while it
 * does, the background keeps the cached first page fresh (lib/background/list/list-refresh.ts) and the page
 * follows the cache in storage, with no timer of its own. The port closes when the service worker stops; it is
 * opened again, which starts the worker.
 */
export function followList(now: () => number = Date.now): () => void {
  let port: Browser.runtime.Port | undefined;
  let stopped = false;
  const connect = () => {
    const openedAt = now();
    try {
      port = browser.runtime.connect({ name: LIST_PORT });
    } catch {
      // The extension was reloaded under this page: there is no background to follow.
      return;
    }
    port.onDisconnect.addListener(() => {
      if (!stopped && now() - openedAt >= MIN_PORT_LIFETIME_MS) connect();
    });
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
