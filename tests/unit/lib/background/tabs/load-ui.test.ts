import { describe, expect, it, vi } from 'vitest';
import type { Sender } from '@/lib/background/messaging/sender';
import { loadUi, UI_BUNDLE } from '@/lib/background/tabs/load-ui';

describe('loadUi', () => {
  it('should inject the UI bundle into the frame that asked, and nowhere else', async () => {
    const executeScript = vi.fn(async () => []);
    const sender: Sender = {
      id: 'ours',
      url: 'https://github.com/o/r/issues/1',
      tab: { id: 12 } as Sender['tab'],
      frameId: 0,
    };

    const actual = await loadUi(sender, { executeScript });

    expect(actual).toBeNull();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12, frameIds: [0] }, files: [UI_BUNDLE] });
    expect(UI_BUNDLE).toBe('/github-ui.js');
  });

  it('should refuse a sender without a tab', async () => {
    const executeScript = vi.fn(async () => []);

    await expect(loadUi({ id: 'ours', url: 'https://github.com/' }, { executeScript })).rejects.toMatchObject(
      {
        code: 'bad_request',
      },
    );
    expect(executeScript).not.toHaveBeenCalled();
  });
});
