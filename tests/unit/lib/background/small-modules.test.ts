import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText } from '@/lib/background/badge';
import { upsertConversation } from '@/lib/background/conversation-store';
import { notificationFor, notify, openNotifiedConversation } from '@/lib/background/notifications';
import { keepPolling, nextPollAt, pollIntervalMs, STOP_AFTER_IDLE_MS } from '@/lib/background/poll-schedule';
import { createPollScheduler, POLL_ALARM } from '@/lib/background/poll-scheduler';
import { recentRepositories } from '@/lib/background/recent-repos';
import { saveSettings } from '@/lib/background/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { makeRecord } from '../../factories/conversation-record';

describe('badgeText', () => {
  it('should count starting and running conversations only', () => {
    const records = [
      makeRecord({ state: 'starting' }),
      makeRecord({ state: 'running' }),
      makeRecord({ state: 'finished' }),
      makeRecord({ state: 'waiting_for_confirmation' }),
    ];
    expect(badgeText(records)).toBe('2');
    expect(badgeText([makeRecord({ state: 'error' })])).toBe('');
  });
});

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

describe('poll schedule', () => {
  it('should poll starts quickly and quiet conversations slowly', () => {
    expect(pollIntervalMs('starting')).toBeLessThan(pollIntervalMs('running'));
    expect(pollIntervalMs('running')).toBeLessThan(pollIntervalMs('waiting_for_confirmation'));
  });

  it('should poll a record never polled at once', () => {
    expect(nextPollAt(makeRecord({ lastPolledAt: null }))).toBe(0);
  });

  it.each(['finished', 'error', 'archived', 'stuck'] as const)('should stop polling at %s', (state) => {
    expect(keepPolling(makeRecord({ state }), Date.parse('2026-11-28T10:00:01Z'))).toBe(false);
  });

  it('should keep polling idle conversations for a day, then stop', () => {
    const record = makeRecord({ state: 'idle', updatedAt: '2026-11-28T10:00:00Z' });
    const start = Date.parse(record.updatedAt);
    expect(keepPolling(record, start + STOP_AFTER_IDLE_MS - 1)).toBe(true);
    expect(keepPolling(record, start + STOP_AFTER_IDLE_MS)).toBe(false);
  });
});

describe('poll scheduler', () => {
  it('should keep an alarm while polling is needed and clear it after', async () => {
    vi.useFakeTimers();
    const alarms = { create: vi.fn(), clear: vi.fn() };
    const poll = vi.fn().mockResolvedValueOnce(2_000).mockResolvedValueOnce(null);
    const { schedule } = createPollScheduler(poll, alarms);
    schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(alarms.create).toHaveBeenCalledWith(POLL_ALARM, { periodInMinutes: 0.5 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(alarms.clear).toHaveBeenCalledWith(POLL_ALARM);
    vi.useRealTimers();
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

  it('should notify unless turned off', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await notify(makeRecord({ state: 'finished' }));
    expect(create).toHaveBeenCalledTimes(1);
    await saveSettings({ ...DEFAULT_SETTINGS, notifications: false });
    await notify(makeRecord({ state: 'finished' }));
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('should open the conversation when the notification is clicked', async () => {
    const record = makeRecord({ id: 'task1', conversationId: 'conv1', state: 'finished' });
    await upsertConversation(record);
    const open = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotifiedConversation('task1');
    expect(open).toHaveBeenCalledWith({ url: 'https://app.all-hands.dev/conversations/conv1' });
  });
});
