/** The alarm that resumes polling after the browser stopped the service worker. */
export const POLL_ALARM = 'poll-conversations';

/**
 * Chrome fires alarms of packed extensions no sooner than 30 s after they are set (unpacked ones may use
 * shorter delays); sooner polls need a timer.
 */
export const ALARM_MIN_DELAY_MS = 30_000;

/** Retry delay when a poll itself crashed (e.g. storage failed), rather than the server. */
const CRASH_RETRY_MS = 30_000;

export interface AlarmsApi {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/**
 * Runs `poll` again after the delay it returns, one run at a time. Timers die with the worker, so each run
 * also sets a one-shot alarm for the time of the next poll (it wakes a stopped worker; a sooner timer
 * does the work while the worker lives); each worker start and each alarm calls `schedule()` again.
 * No alarm is left once nothing needs polling.
 */
export function createPollScheduler(
  poll: () => Promise<number | null>,
  alarms: AlarmsApi,
  now: () => number = Date.now,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    let next: number | null = null;
    try {
      next = await poll();
    } catch {
      next = CRASH_RETRY_MS;
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      schedule(0);
    } else if (next === null) {
      await alarms.clear(POLL_ALARM);
    } else {
      // Replaces the previous alarm: there is only ever the next poll to wake up for.
      await alarms.create(POLL_ALARM, { when: now() + next });
      if (next < ALARM_MIN_DELAY_MS) schedule(next);
    }
  }

  function schedule(delayMs = 0) {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }

  return { schedule };
}
