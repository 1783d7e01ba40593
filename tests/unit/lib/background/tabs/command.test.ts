import { describe, expect, it, vi } from 'vitest';
import {
  type CommandDeps,
  type CommandNote,
  callResident,
  commandUnavailableNote,
  forwardCommand,
} from '@/lib/background/tabs/command';
import { RESIDENT_COMMAND_GLOBAL } from '@/lib/protocol/commands';

const CANNOT_ACCESS =
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

/**
 * One active tab; its world holds `resident` (the resident script's command) as a global, and the injected
 * function really runs against it, unless `fails` (a tab the extension may not script). Notes are recorded.
 */
function fakeDeps(
  options: { id?: number; url?: string; fails?: boolean; noTab?: boolean; resident?: () => boolean } = {},
) {
  const notes: CommandNote[] = [];
  const world: Record<string, unknown> = options.resident
    ? { [RESIDENT_COMMAND_GLOBAL]: options.resident }
    : {};
  const deps = {
    tabs: {
      query: vi.fn(async () => (options.noTab ? [] : [{ id: options.id ?? 7, url: options.url }])),
    },
    scripting: {
      executeScript: vi.fn(async (injection: Parameters<CommandDeps['scripting']['executeScript']>[0]) => {
        if (options.fails) throw new Error(CANNOT_ACCESS);
        // The function's source runs in the tab's world, whose `globalThis` holds the resident's globals
        const inWorld = new Function('globalThis', 'name', `return (${injection.func.toString()})(name);`);
        return [{ result: inWorld(world, ...injection.args) }];
      }),
    },
    notify: vi.fn(async (note: CommandNote) => {
      notes.push(note);
    }),
  } satisfies CommandDeps;
  return { deps, notes };
}

describe('forwardCommand', () => {
  it('should run the default action in the active tab’s resident script, and leave the telling to the page', async () => {
    const resident = vi.fn(() => true);
    const { deps, notes } = fakeDeps({ url: 'https://github.com/octo-org/hello-world', resident });

    await forwardCommand('send-default', deps);

    expect(deps.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(deps.scripting.executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 7 } }),
    );
    expect(resident).toHaveBeenCalledTimes(1);
    expect(notes).toEqual([]);
  });

  it('should tell the user, with a notification, when the tab cannot be scripted', async () => {
    const { deps, notes } = fakeDeps({ url: 'https://example.com/docs', fails: true });

    await forwardCommand('send-default', deps);

    expect(notes).toEqual([
      {
        title: 'Nothing was sent to OpenHands',
        message: 'Open a GitHub issue or pull request to send it to OpenHands.',
      },
    ]);
  });

  it.each([
    ['has no resident script (a page older than the extension)', undefined],
    ['has the resident script of a reloaded extension', () => false],
  ])('should tell the user to reload when the GitHub tab %s', async (_, resident) => {
    const { deps, notes } = fakeDeps({ url: 'https://github.com/octo-org/hello-world', resident });

    await forwardCommand('send-default', deps);

    expect(notes.map((note) => note.message)).toEqual([
      'Reload this GitHub page, then press the shortcut again.',
    ]);
  });

  it('should tell the user when there is no tab to send from', async () => {
    const { deps, notes } = fakeDeps({ noTab: true });

    await forwardCommand('send-default', deps);

    expect(deps.scripting.executeScript).not.toHaveBeenCalled();
    expect(notes).toHaveLength(1);
  });

  it('should inject a function that stands alone (executeScript serialises it)', () => {
    expect(callResident.toString()).not.toMatch(/RESIDENT_COMMAND_GLOBAL|import|__vi/);
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
