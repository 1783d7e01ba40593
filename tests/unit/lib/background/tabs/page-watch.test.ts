import { describe, expect, it, vi } from 'vitest';
import { UI_BUNDLE } from '@/lib/background/tabs/load-ui';
import { createPageWatch, PAGE_WATCH_DEBOUNCE_MS, watchedItem } from '@/lib/background/tabs/page-watch';
import { type ItemKey, itemKey } from '@/lib/conversations/item';

const ISSUE = 'https://github.com/octo-org/hello-world/issues/42';
const KNOWN = itemKey('octo-org/hello-world', 42);

function setUp(known: ItemKey[] = [KNOWN]) {
  let now = 1_000_000;
  const executeScript = vi.fn(async () => []);
  const hasConversations = vi.fn(async (item: ItemKey) => known.includes(item));
  const watch = createPageWatch({ hasConversations, scripting: { executeScript }, now: () => now });
  return {
    watch,
    executeScript,
    hasConversations,
    injectedInto: () => executeScript.mock.calls.map((call) => (call as unknown[])[0]),
    later: (ms: number) => {
      now += ms;
    },
  };
}

const injection = (tabId: number) => ({ target: { tabId, frameIds: [0] }, files: [UI_BUNDLE] });

describe('page watch', () => {
  it('should inject the UI into an issue page with conversations once it has loaded', async () => {
    const { watch, injectedInto } = setUp();
    await watch(5, { status: 'loading', url: ISSUE }, { url: ISSUE, status: 'loading' });
    expect(injectedInto()).toEqual([]);
    await watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    expect(injectedInto()).toEqual([injection(5)]);
  });

  it('should inject after a soft navigation to the item (a new URL in a loaded document)', async () => {
    const { watch, injectedInto } = setUp();
    await watch(
      5,
      { url: `${ISSUE}#issuecomment-1` },
      { url: `${ISSUE}#issuecomment-1`, status: 'complete' },
    );
    expect(injectedInto()).toEqual([injection(5)]);
  });

  it('should inject into a PR page with conversations only', async () => {
    const pull = 'https://github.com/octo-org/hello-world/pull/7/files';
    const without = setUp([]);
    await without.watch(6, { status: 'complete' }, { url: pull, status: 'complete' });
    expect(without.injectedInto()).toEqual([]);
    const known = setUp([itemKey('octo-org/hello-world', 7)]);
    await known.watch(6, { status: 'complete' }, { url: pull, status: 'complete' });
    expect(known.injectedInto()).toEqual([injection(6)]);
  });

  it('should leave issues without conversations and other pages alone', async () => {
    const { watch, executeScript } = setUp();
    for (const url of [
      'https://github.com/octo-org/hello-world/issues/43',
      'https://github.com/octo-org/hello-world',
      'https://github.com/octo-org/hello-world/issues',
      'https://example.com/octo-org/hello-world/pull/7',
      'http://github.com/octo-org/hello-world/pull/7',
      'chrome://newtab/',
    ]) {
      await watch(5, { status: 'complete' }, { url, status: 'complete' });
    }
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('should inject once for the same page reported twice, and again on a later reload', async () => {
    const { watch, injectedInto, later } = setUp();
    await watch(5, { url: ISSUE }, { url: ISSUE, status: 'complete' });
    await watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    await watch(9, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    expect(injectedInto()).toEqual([injection(5), injection(9)]);
    later(PAGE_WATCH_DEBOUNCE_MS);
    await watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    expect(injectedInto()).toHaveLength(3);
  });

  it('should inject again when the same page reloads at once', async () => {
    const { watch, injectedInto } = setUp();
    await watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    await watch(5, { status: 'loading' }, { url: ISSUE, status: 'loading' });
    await watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' });
    expect(injectedInto()).toEqual([injection(5), injection(5)]);
  });

  it('should survive a tab that closed before the injection', async () => {
    const { watch, executeScript } = setUp();
    executeScript.mockRejectedValueOnce(new Error('No tab with id: 5'));
    await expect(
      watch(5, { status: 'complete' }, { url: ISSUE, status: 'complete' }),
    ).resolves.toBeUndefined();
  });

  it('should read the item of an address', () => {
    expect(watchedItem('https://github.com/Octo-Org/Hello-World/pull/7/commits')).toEqual(
      itemKey('octo-org/hello-world', 7),
    );
    expect(watchedItem(ISSUE)).toEqual(KNOWN);
    expect(watchedItem(undefined)).toBeNull();
  });
});
