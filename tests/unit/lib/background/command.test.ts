import { describe, expect, it, vi } from 'vitest';
import {
  type CommandDeps,
  type CommandNote,
  commandUnavailableNote,
  forwardCommand,
} from '@/lib/background/command';

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/** One active tab whose content script answers (or, with `fails`, is missing); notes are recorded. */
function fakeDeps(options: { id?: number; url?: string; fails?: boolean; noTab?: boolean } = {}) {
  const notes: CommandNote[] = [];
  const deps = {
    tabs: {
      query: vi.fn(async () => (options.noTab ? [] : [{ id: options.id ?? 7, url: options.url }])),
      sendMessage: vi.fn(async () => {
        if (options.fails) throw new Error(NO_RECEIVER);
      }),
    },
    notify: vi.fn(async (note: CommandNote) => {
      notes.push(note);
    }),
  } satisfies CommandDeps;
  return { deps, notes };
}

describe('forwardCommand', () => {
  it('should send the default action to the active tab, and leave the telling to the page', async () => {
    const { deps, notes } = fakeDeps({ url: 'https://github.com/octo-org/hello-world' });

    await forwardCommand('send-default', deps);

    expect(deps.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(deps.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'command.send-default' });
    expect(notes).toEqual([]);
  });

  it('should tell the user, with a notification, when the tab has no content script', async () => {
    const { deps, notes } = fakeDeps({ url: 'https://example.com/docs', fails: true });

    await forwardCommand('send-default', deps);

    expect(notes).toEqual([
      {
        title: 'Nothing was sent to OpenHands',
        message: 'Open a GitHub issue or pull request to send it to OpenHands.',
      },
    ]);
  });

  it('should tell the user when there is no tab to send from', async () => {
    const { deps, notes } = fakeDeps({ noTab: true });

    await forwardCommand('send-default', deps);

    expect(deps.tabs.sendMessage).not.toHaveBeenCalled();
    expect(notes).toHaveLength(1);
  });

  it('should not fail when the notification cannot be shown', async () => {
    const { deps } = fakeDeps({ fails: true });
    deps.notify.mockRejectedValue(new Error('notifications are off'));

    await expect(forwardCommand('send-default', deps)).resolves.toBeUndefined();
  });

  it('should ignore other commands', async () => {
    const { deps, notes } = fakeDeps();

    await forwardCommand('_execute_action', deps);

    expect(deps.tabs.query).not.toHaveBeenCalled();
    expect(notes).toEqual([]);
  });
});

describe('commandUnavailableNote', () => {
  it.each([
    ['another site', 'https://example.com/page', 'Open a GitHub issue or pull request'],
    ['a browser page', 'chrome://extensions/', 'Open a GitHub issue or pull request'],
    ['a GitHub blog post', 'https://github.blog/2026/01/post/', 'Open a GitHub issue or pull request'],
    ['a tab whose URL is hidden', undefined, 'Open a GitHub issue or pull request'],
    // Our content script runs on every github.com page: missing, the tab predates the extension
    ['a GitHub page opened before the extension', 'https://github.com/octo-org/hello-world', 'Reload'],
  ])('should fit %s', (_, url, expected) => {
    const actual = commandUnavailableNote(url);

    expect(actual.title).toBe('Nothing was sent to OpenHands');
    expect(actual.message.startsWith(expected)).toBe(true);
  });

  it('should carry nothing but its fixed text', () => {
    const url = 'https://example.com/?token=secret-123';

    const actual = JSON.stringify(commandUnavailableNote(url));

    expect(actual).not.toContain('secret-123');
    expect(actual).not.toContain('example.com');
  });
});
