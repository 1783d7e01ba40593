import { describe, expect, it, vi } from 'vitest';
import type { Sender } from '@/lib/background/messaging/sender';
import { loadBundle, THREADS_BUNDLE, UI_BUNDLE } from '@/lib/background/tabs/load-ui';

describe('loadBundle', () => {
  it('should inject the UI bundle into the frame that asked, and nowhere else', async () => {
    const executeScript = vi.fn(async () => []);
    const sender: Sender = {
      id: 'ours',
      url: 'https://github.com/o/r/issues/1',
      tab: { id: 12 } as Sender['tab'],
      frameId: 0,
    };

    const actual = await loadBundle(UI_BUNDLE, sender, { executeScript });

    expect(actual).toBeNull();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: [UI_BUNDLE] });
    expect(UI_BUNDLE).toBe('/github-ui.js');
  });

  it('should inject the thread buttons’ bundle into a child frame that asked', async () => {
    const executeScript = vi.fn(async () => []);
    const sender: Sender = {
      id: 'ours',
      url: 'https://github.com/o/r/pull/1',
      tab: { id: 3 } as Sender['tab'],
      frameId: 5,
    };

    await loadBundle(THREADS_BUNDLE, sender, { executeScript });

    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 3, frameIds: [5] },
      files: ['/github-threads.js'],
    });
  });

  it('should refuse a sender without a tab', async () => {
    const executeScript = vi.fn(async () => []);

    await expect(
      loadBundle(UI_BUNDLE, { id: 'ours', url: 'https://github.com/' }, { executeScript }),
    ).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(executeScript).not.toHaveBeenCalled();
  });
});
