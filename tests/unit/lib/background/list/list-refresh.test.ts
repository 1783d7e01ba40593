import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createListRefresher, type ListedNow } from '@/lib/background/list/list-refresh';
import { ACTIVE_POLL_MS, STARTING_POLL_MS } from '@/lib/background/polling/policy';

const START = Date.parse('2026-11-28T10:00:00Z');

/**
 * A refresher over a fake store: `refresh` "fetches" by stamping the list with the current time (or fails),
 * and tells the watchers, as the stored cache would.
 */
function setUp(states: ListedNow['states'], options: { fail?: boolean } = {}) {
  let listed: ListedNow = { states, fetchedAt: new Date(START).toISOString() };
  const watchers = new Set<() => void>();
  const changed = () => {
    for (const watcher of watchers) watcher();
  };
  /** The first page was fetched and stored now. */
  const fetchNow = () => {
    listed = { ...listed, fetchedAt: new Date(Date.now()).toISOString() };
    changed();
  };
  const refresh = vi.fn(async () => {
    if (options.fail) throw new Error('server down');
    fetchNow();
  });
  const refresher = createListRefresher({
    listed: async () => listed,
    refresh,
    watch: (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    now: () => Date.now(),
  });
  /** The list changed in storage, e.g. a poll updated a record. */
  const store = (next: ListedNow['states']) => {
    listed = { ...listed, states: next };
    changed();
  };
  return { refresher, refresh, store, watchers, fetchNow };
}

describe('list refresher', () => {
  beforeEach(() => vi.useFakeTimers({ now: START }));
  afterEach(() => vi.useRealTimers());

  it('should fetch the first page again at the policy’s interval while a page follows and something is busy', async () => {
    const { refresher, refresh } = setUp(['running', 'finished']);
    refresher.follow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS - 1);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('should fetch as often as starts are polled while one is listed', async () => {
    const { refresher, refresh } = setUp(['starting', 'running']);
    refresher.follow();
    await vi.advanceTimersByTimeAsync(STARTING_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('should leave a page that starts following an interval after its own request, however old the list', async () => {
    const { refresher, refresh } = setUp(['running']);
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS * 3);
    // The popup asks for the list as it opens, then follows it: no second fetch at once.
    refresher.follow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS - 1);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('should count from the last fetch, whoever made it', async () => {
    const { refresher, refresh, fetchNow } = setUp(['running']);
    refresher.follow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS / 2);
    // Someone else fetched the list (the popup's Refresh button).
    fetchNow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS - 1);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('should fetch nothing while nobody follows the list', async () => {
    const { refresh } = setUp(['running']);
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS * 5);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('should fetch nothing while nothing listed is busy, and start once something is', async () => {
    const { refresher, refresh, store } = setUp(['finished', 'stopped']);
    refresher.follow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS * 5);
    expect(refresh).not.toHaveBeenCalled();

    store(['running', 'stopped']);
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('should stop fetching once the last follower leaves, and stop watching storage', async () => {
    const { refresher, refresh, watchers } = setUp(['running']);
    const first = refresher.follow();
    const second = refresher.follow();
    expect(watchers.size).toBe(1);
    first();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
    second();
    second();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS * 5);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(watchers.size).toBe(0);
  });

  it('should wait a full interval after a failed fetch rather than ask again at once', async () => {
    const { refresher, refresh } = setUp(['running'], { fail: true });
    refresher.follow();
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(ACTIVE_POLL_MS - 1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
