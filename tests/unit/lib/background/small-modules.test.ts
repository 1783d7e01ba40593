import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { upsertConversation } from '@/lib/background/records/conversation-store';
import {
  NOTE_NOTIFICATION_ID,
  notificationFor,
  notify,
  notifyNote,
  openNotifiedConversation,
} from '@/lib/background/records/notifications';
import { recentRepositories } from '@/lib/background/records/recent-repos';
import { saveSettings } from '@/lib/background/settings/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/storage/settings';
import { makeRecord } from '../../factories/conversation-record';

describe('recentRepositories', () => {
  it('should list repositories newest first without repeats', () => {
    const records = [
      makeRecord({ repository: 'a/one', createdAt: '2026-01-01T00:00:00Z' }),
      makeRecord({ repository: 'b/two', createdAt: '2026-03-01T00:00:00Z' }),
      makeRecord({ repository: 'a/one', createdAt: '2026-02-01T00:00:00Z' }),
    ];
    expect(recentRepositories(records)).toEqual(['b/two', 'a/one']);
  });

  it('should skip conversations started without a repository', () => {
    const records = [
      makeRecord({ repository: null, createdAt: '2026-03-01T00:00:00Z' }),
      makeRecord({ repository: 'a/one', createdAt: '2026-02-01T00:00:00Z' }),
    ];
    expect(recentRepositories(records)).toEqual(['a/one']);
  });
});

describe('notifications', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should say what happened and include the error detail', () => {
    const actual = notificationFor(makeRecord({ state: 'error', detail: 'Repository not found' }));
    expect(actual.title).toContain('OpenHands');
    expect(actual.message).toContain('#42: Crash on startup (octo-org/hello-world): Repository not found');
  });

  it('should leave the repository out of the text when there is none', () => {
    const actual = notificationFor(makeRecord({ state: 'finished', repository: null, title: 'Explain' }));
    expect(actual.message).toBe('Explain');
  });

  it('should name the PRs the conversation lists', () => {
    const actual = notificationFor(makeRecord({ state: 'finished', pullNumbers: [57] }));
    expect(actual).toEqual({
      title: 'OpenHands: Finished',
      message: 'PR #57 · #42: Crash on startup (octo-org/hello-world)',
    });
    expect(notificationFor(makeRecord({ state: 'waiting_for_confirmation' })).title).toBe(
      'OpenHands: Waiting for you',
    );
  });

  it('should notify unless turned off', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify(makeRecord({ state: 'finished' }));
    expect(create).toHaveBeenCalledTimes(1);
    await saveSettings({ ...DEFAULT_SETTINGS, notifications: false });
    await notify(makeRecord({ state: 'finished' }));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('should show a note about the shortcut even with conversation notifications off, one at a time', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await saveSettings({ ...DEFAULT_SETTINGS, notifications: false });

    await notifyNote({ title: 'Nothing was sent', message: 'Open an issue.' });
    await notifyNote({ title: 'Nothing was sent', message: 'Open an issue.' });

    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls.map(([id]) => id)).toEqual([NOTE_NOTIFICATION_ID, NOTE_NOTIFICATION_ID]);
    expect(create).toHaveBeenLastCalledWith(
      NOTE_NOTIFICATION_ID,
      expect.objectContaining({ type: 'basic', title: 'Nothing was sent', message: 'Open an issue.' }),
    );
  });

  it('should open the conversation when the notification is clicked', async () => {
    const record = makeRecord({ id: 'task1', conversationId: 'conv1', state: 'finished' });
    await upsertConversation(record);
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotifiedConversation('task1');
    expect(open).toHaveBeenCalledWith({ url: 'https://app.all-hands.dev/conversations/conv1' });
  });

  it('should open the PR the conversation opened when the notification is clicked', async () => {
    await upsertConversation(
      makeRecord({ id: 'task2', conversationId: 'conv2', state: 'finished', pullNumbers: [57] }),
    );
    // Started on PR #7 and listing only it: the news is in the conversation.
    await upsertConversation(
      makeRecord({ id: 'task3', conversationId: 'conv3', state: 'finished', prNumber: 7, pullNumbers: [7] }),
    );
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotifiedConversation('task2');
    await openNotifiedConversation('task3');
    expect(open.mock.calls).toEqual([
      [{ url: 'https://github.com/octo-org/hello-world/pull/57' }],
      [{ url: 'https://app.all-hands.dev/conversations/conv3' }],
    ]);
  });
});
