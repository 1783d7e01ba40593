import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeTabRepository } from '@/components/popup/active-tab';

/** Makes `tabs.query` answer with one active tab at `url`. */
const activeTab = (url: string | undefined) =>
  // The fake's types say `void`; the real API resolves with tabs.
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ url }] as never);

describe('activeTabRepository', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should read the repository of a GitHub page', async () => {
    activeTab('https://github.com/octo-org/hello-world/issues/42');
    expect(await activeTabRepository()).toBe('octo-org/hello-world');
  });

  it.each([
    ['a page that is not a repository', 'https://github.com/settings/profile'],
    ['another site', 'https://example.com/octo-org/hello-world'],
    ['the popup itself', 'chrome-extension://abc/popup.html'],
    ['a tab whose URL is hidden (no activeTab grant)', undefined],
  ])('should be null for %s', async (_name, url) => {
    activeTab(url);
    expect(await activeTabRepository()).toBeNull();
  });

  it('should be null when the tabs API fails', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no access'));
    expect(await activeTabRepository()).toBeNull();
  });
});
