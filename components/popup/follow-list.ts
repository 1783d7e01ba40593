import { browser } from '#imports';
import { portName } from '@/lib/protocol/ports';
import { type WatchDeps, watchPort } from '@/lib/protocol/watch';

const timers: WatchDeps['later'] = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * Tells the background that this page follows the list, until the returned function is called: while it
 * does, the background keeps the cached first page fresh (lib/background/list/list-refresh.ts) and the page
 * follows the cache in storage, with no timer of its own. The port closes when the service worker stops and
 * opens again, which starts the worker (the one reconnect policy: lib/protocol/watch.ts). Nothing is posted on it.
 */
export function followList(deps: WatchDeps = { runtime: browser.runtime, later: timers }): () => void {
  const watch = watchPort(deps, portName('list'), { read: () => undefined, message: () => {} });
  return () => watch.close();
}
