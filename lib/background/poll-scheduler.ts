/** The alarm that resumes polling after the browser stopped the service worker. */
export const POLL_ALARM = 'poll-conversations';

export interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number }): unknown;
  clear(name: string): unknown;
}

/**
 * Runs `poll` again after the delay it returns, one run at a time. Timers die with the worker, so an
 * alarm (every 30 s, the shortest Chrome allows) stays set while anything needs polling; each worker
 * start and each alarm calls `schedule()` again.
 */
export function createPollScheduler(poll: () => Promise<number | null>, alarms: AlarmsApi) {
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
      next = 30_000;
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      schedule(0);
    } else if (next === null) {
      await alarms.clear(POLL_ALARM);
    } else {
      schedule(next);
      await alarms.create(POLL_ALARM, { periodInMinutes: 0.5 });
    }
  }

  function schedule(delayMs = 0) {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  }

  return { schedule };
}
