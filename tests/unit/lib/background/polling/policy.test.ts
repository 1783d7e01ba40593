import { describe, expect, it } from 'vitest';
import {
  afterFailedPoll,
  backoffMs,
  GIVE_UP_AFTER_MS,
  keepPolling,
  listRefreshMs,
  MAX_BACKOFF_MS,
  nextPollAt,
  pollIntervalMs,
  STOP_AFTER_IDLE_MS,
} from '@/lib/background/polling/policy';
import { makeRecord } from '../../../factories/conversation-record';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

describe('poll intervals', () => {
  it('should poll starts every 3 s, running conversations every 10 s and quiet ones every minute', () => {
    expect(pollIntervalMs('starting')).toBe(3_000);
    expect(pollIntervalMs('running')).toBe(10_000);
    expect(pollIntervalMs('waiting_for_confirmation')).toBe(60_000);
    expect(pollIntervalMs('stopped')).toBe(60_000);
  });

  it('should refresh a followed list as often as its busiest busy conversation is polled, else never', () => {
    expect(listRefreshMs(['finished', 'running', 'starting'])).toBe(3_000);
    expect(listRefreshMs(['stopped', 'running'])).toBe(10_000);
    expect(listRefreshMs(['stopped', 'waiting_for_confirmation', 'paused', 'finished'])).toBeNull();
    expect(listRefreshMs([])).toBeNull();
  });

  it('should poll a record never polled at once, then one interval after the last poll', () => {
    expect(nextPollAt(makeRecord({ lastPolledAt: null }))).toBe(0);
    expect(nextPollAt(makeRecord({ state: 'running', lastPolledAt: at(NOW) }))).toBe(NOW + 10_000);
  });

  it.each(['finished', 'error', 'archived', 'stuck', 'unknown'] as const)(
    'should stop polling at %s',
    (state) => {
      expect(keepPolling(makeRecord({ state }), Date.parse('2026-11-28T10:00:01Z'))).toBe(false);
    },
  );

  it('should keep polling stopped conversations for a day, then stop', () => {
    const record = makeRecord({ state: 'stopped', updatedAt: '2026-11-28T10:00:00Z' });
    const start = Date.parse(record.updatedAt);
    expect(keepPolling(record, start + STOP_AFTER_IDLE_MS - 1)).toBe(true);
    expect(keepPolling(record, start + STOP_AFTER_IDLE_MS)).toBe(false);
  });
});

describe('backing off after failed polls', () => {
  it('should start from the usual interval and double up to 5 minutes', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((failures) => backoffMs('starting', failures));
    expect(waits).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 96_000, 192_000, 300_000, 300_000]);
    expect(backoffMs('stopped', 1)).toBe(60_000);
    expect(backoffMs('running', 30)).toBe(MAX_BACKOFF_MS);
  });

  it('should count failures in a row, remember since when, and retry after the backoff', () => {
    const once = afterFailedPoll(makeRecord({ state: 'running', lastPolledAt: at(NOW - 10_000) }), NOW);
    const twice = afterFailedPoll(once, NOW + 10_000);
    expect(once.pollFailure).toEqual({
      count: 1,
      since: at(NOW),
      retryAt: at(NOW + 10_000),
      notBefore: null,
    });
    expect(twice.pollFailure).toEqual({
      count: 2,
      since: at(NOW),
      retryAt: at(NOW + 30_000),
      notBefore: null,
    });
    expect(nextPollAt(twice)).toBe(NOW + 30_000);
    expect(twice).toMatchObject({ state: 'running', polling: true });
  });

  it("should wait as long as the server's Retry-After asks, even longer than the backoff", () => {
    const record = afterFailedPoll(makeRecord({ state: 'starting' }), NOW, 120_000);
    expect(nextPollAt(record)).toBe(NOW + 120_000);
    expect(record.pollFailure?.notBefore).toBe(at(NOW + 120_000));
    expect(nextPollAt(afterFailedPoll(makeRecord({ state: 'stopped' }), NOW, 1_000))).toBe(NOW + 60_000);
  });

  it('should give up with "Status unknown" once polls failed for a day', () => {
    let record = makeRecord({ state: 'running', lastPolledAt: at(NOW - 10_000) });
    let now = NOW;
    const attempts: number[] = [];
    while (record.polling && attempts.length < 1_000) {
      record = afterFailedPoll(record, now);
      attempts.push(now);
      now = nextPollAt(record);
    }
    const last = attempts.at(-1) ?? 0;
    expect(record).toMatchObject({
      state: 'unknown',
      polling: false,
      pollFailure: null,
      updatedAt: at(last),
    });
    expect(last - NOW).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(last - NOW).toBeLessThan(GIVE_UP_AFTER_MS + MAX_BACKOFF_MS);
    // Backing off: a day of failures costs a few hundred calls, not one every 10 s (8,640).
    expect(attempts.length).toBeLessThan(300);
  });
});
