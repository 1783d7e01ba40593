import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPollScheduler, POLL_ALARM } from '@/lib/background/polling/scheduler';

const alarm = () => fakeBrowser.alarms.get(POLL_ALARM);

describe('poll scheduler', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: Date.parse('2026-11-28T10:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('should set the alarm for the exact time of a poll far off, such as a long Retry-After', async () => {
    const poll = vi.fn().mockResolvedValue(120_000);
    const { schedule } = createPollScheduler(poll, fakeBrowser.alarms);
    schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    const armedAt = Date.now();

    expect(await alarm()).toMatchObject({ scheduledTime: armedAt + 120_000 });
    expect((await alarm())?.periodInMinutes).toBeUndefined();
    // No timer polls sooner: only the alarm (or a new start) wakes the poller.
    await vi.advanceTimersByTimeAsync(119_000);
    expect(poll).toHaveBeenCalledTimes(1);
  });

  it('should poll soon by timer, with the alarm as backstop, and re-arm the alarm after each poll', async () => {
    const poll = vi.fn().mockResolvedValue(3_000);
    const { schedule } = createPollScheduler(poll, fakeBrowser.alarms);
    schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(await alarm()).toMatchObject({ scheduledTime: Date.now() + 3_000 });

    await vi.advanceTimersByTimeAsync(3_000);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(await alarm()).toMatchObject({ scheduledTime: Date.now() + 3_000 });
  });

  it('should clear the alarm once nothing needs polling', async () => {
    const poll = vi.fn().mockResolvedValueOnce(2_000).mockResolvedValueOnce(null);
    const { schedule } = createPollScheduler(poll, fakeBrowser.alarms);
    schedule(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(await alarm()).toBeDefined();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(poll).toHaveBeenCalledTimes(2);
    expect(await alarm()).toBeUndefined();
  });
});
