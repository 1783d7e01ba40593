import { listRefreshMs } from '@/lib/background/polling/policy';
import type { ConversationState } from '@/lib/conversations/state';

/** The first page as stored now, as far as refreshing it is concerned. */
export interface ListedNow {
  /** The states of the first page as listed (the cached server page merged with the records); none without a cache. */
  states: ConversationState[];
  /** When the server's first page was last fetched; null when it never was. */
  fetchedAt: string | null;
}

export interface ListRefreshDeps {
  /** Reads the first page as stored. */
  listed(): Promise<ListedNow>;
  /** Fetches the server's first page again and stores it (`conversation.list` with `refresh`). */
  refresh(): Promise<unknown>;
  /** Calls `onChange` whenever the stored first page or the records change, until the returned function is called. */
  watch(onChange: () => void): () => void;
  now(): number;
}

/**
 * Keeps the cached first page fresh while a page follows it, so that pages never ask again on a timer: they
 * follow the cache in storage, and while one is connected (lib/background/ports/list-watch.ts) and something
 * listed is busy, the server's first page is fetched again at the polling policy's interval. Nobody following
 * or nothing busy: no fetch at all.
 */
export function createListRefresher(deps: ListRefreshDeps) {
  let followers = 0;
  let unwatch: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * When the last refresh began (or a page started following, having just asked): a failing server is asked
   * no sooner than the interval after it.
   */
  let lastRun = Number.NEGATIVE_INFINITY;
  let running = false;
  /** Each reschedule counts; one that read storage while a newer one started leaves the timer to that one. */
  let generation = 0;

  async function reschedule(): Promise<void> {
    const current = ++generation;
    clearTimeout(timer);
    timer = undefined;
    if (followers === 0 || running) return;
    let listed: ListedNow;
    try {
      listed = await deps.listed();
    } catch {
      return;
    }
    const interval = listRefreshMs(listed.states);
    if (current !== generation || followers === 0 || interval === null) return;
    const fetched = listed.fetchedAt ? Date.parse(listed.fetchedAt) : Number.NaN;
    const last = Math.max(lastRun, Number.isNaN(fetched) ? Number.NEGATIVE_INFINITY : fetched);
    timer = setTimeout(run, Math.max(0, last + interval - deps.now()));
  }

  async function run() {
    timer = undefined;
    running = true;
    lastRun = deps.now();
    try {
      await deps.refresh();
    } catch {
      // Failures are stored with the list (`serverError`); the next attempt waits a full interval.
    } finally {
      running = false;
    }
    await reschedule();
  }

  return {
    /**
     * A page follows the list from now on; call the returned function when it stops (its port closed). The
     * page has just asked for the list itself (the popup does as it opens), so the next fetch is an interval
     * away rather than a second one at once.
     */
    follow(): () => void {
      followers += 1;
      lastRun = Math.max(lastRun, deps.now());
      if (followers === 1) unwatch = deps.watch(() => void reschedule());
      void reschedule();
      let following = true;
      return () => {
        if (!following) return;
        following = false;
        followers -= 1;
        if (followers === 0) {
          unwatch?.();
          unwatch = undefined;
        }
        void reschedule();
      };
    },
  };
}
