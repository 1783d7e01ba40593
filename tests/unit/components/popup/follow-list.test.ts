import { describe, expect, it } from 'vitest';
import { followList } from '@/components/popup/follow-list';
import { portName } from '@/lib/protocol/ports';
import { RECONNECT_MS, STEADY_MS } from '@/lib/protocol/watch';
import { fakeRuntime, manualTimers } from '../../../support/fake-ports';

/** The popup's list watch on a fake runtime, with timers and a clock the test moves. */
function setup() {
  const fake = fakeRuntime();
  const timers = manualTimers();
  let clock = 0;
  const stop = followList({ runtime: fake.runtime, later: timers.later, now: () => clock });
  return {
    fake,
    timers,
    stop,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('following the list', () => {
  it('should open the list port, and close it when told to', () => {
    const { fake, stop } = setup();
    expect(fake.ports.map((port) => port.name)).toEqual([portName('list')]);
    stop();
    expect(fake.ports[0]?.disconnected).toBe(true);
  });

  it('should open it again when the service worker stops, which starts the worker again', () => {
    const { fake, timers, tick } = setup();
    tick(STEADY_MS);
    fake.ports[0]?.end();
    timers.elapse(RECONNECT_MS);
    expect(fake.open(portName('list'))).toHaveLength(1);
    expect(fake.ports).toHaveLength(2);
  });

  it('should not open it again after it was closed here', () => {
    const { fake, timers, tick, stop } = setup();
    tick(STEADY_MS);
    stop();
    fake.ports[0]?.end();
    timers.elapse(RECONNECT_MS);
    expect(fake.ports).toHaveLength(1);
  });

  it('should do without when there is no background to connect to', () => {
    const fake = fakeRuntime();
    fake.reload();
    expect(() => followList({ runtime: fake.runtime, later: manualTimers().later })()).not.toThrow();
  });
});
