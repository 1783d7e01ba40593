import { describe, expect, it, vi } from 'vitest';
import { BAD_REPLY, NO_REPLY, RELOADED } from '@/lib/protocol/send';
import { MAX_QUICK_LOSSES, RECONNECT_MS, STEADY_MS, watchPort } from '@/lib/protocol/watch';
import { fakeRuntime, manualTimers } from '../../../support/fake-ports';

/** A watch of `name` reading messages `{n: number}`, on a fake runtime, with a clock the test moves. */
function setup() {
  const fake = fakeRuntime();
  const timers = manualTimers();
  let clock = 0;
  const on = {
    read: (message: unknown) =>
      typeof (message as { n?: unknown })?.n === 'number' ? (message as { n: number }).n : undefined,
    message: vi.fn(),
    lost: vi.fn(),
  };
  const watch = watchPort(
    { runtime: fake.runtime, later: timers.later, now: () => clock },
    'item.watch:x#1',
    on,
  );
  const tick = (ms: number) => {
    clock += ms;
  };
  const last = () => fake.ports.at(-1) as (typeof fake.ports)[number];
  return { fake, timers, on, watch, tick, last };
}

describe('watchPort', () => {
  it('should open the port by its name and pass on each message that fits', () => {
    const { fake, on, last } = setup();
    last().emit({ n: 1 });
    last().emit({ n: 2 });
    expect(fake.ports.map((port) => port.name)).toEqual(['item.watch:x#1']);
    expect(on.message.mock.calls).toEqual([[1], [2]]);
    expect(on.lost).not.toHaveBeenCalled();
  });

  it('should open the port again when the worker stops it, and say so without giving up', () => {
    const { fake, timers, on, tick, last } = setup();
    last().emit({ n: 1 });
    tick(30_000);
    last().end();
    expect(on.lost).toHaveBeenCalledExactlyOnceWith(NO_REPLY.message, false);
    expect(fake.ports).toHaveLength(1);
    timers.elapse(RECONNECT_MS);
    expect(fake.ports).toHaveLength(2);
    last().emit({ n: 3 });
    expect(on.message).toHaveBeenLastCalledWith(3);
  });

  it('should keep opening a port that worked a while each time it is lost', () => {
    const { fake, timers, on, tick, last } = setup();
    for (let i = 0; i < MAX_QUICK_LOSSES + 2; i++) {
      tick(STEADY_MS);
      last().end();
      timers.elapse(RECONNECT_MS);
    }
    expect(fake.ports).toHaveLength(MAX_QUICK_LOSSES + 3);
    expect(on.lost.mock.calls.every(([, final]) => final === false)).toBe(true);
  });

  it(`should give up after ${MAX_QUICK_LOSSES} ports in a row that end at once, and say it is final`, () => {
    const { fake, timers, on, last } = setup();
    for (let i = 0; i < MAX_QUICK_LOSSES; i++) {
      last().end();
      timers.elapse(RECONNECT_MS);
    }
    expect(fake.ports).toHaveLength(MAX_QUICK_LOSSES);
    expect(on.lost).toHaveBeenLastCalledWith(NO_REPLY.message, true);
    expect(timers.pending()).toEqual([]);
  });

  it('should drop a port whose message does not fit, counting it as a quick loss', () => {
    const { timers, on, last } = setup();
    const first = last();
    first.emit({ n: 'one' });
    expect(first.disconnected).toBe(true);
    expect(on.lost).toHaveBeenCalledExactlyOnceWith(BAD_REPLY.message, false);
    expect(on.message).not.toHaveBeenCalled();
    timers.elapse(RECONNECT_MS);
    expect(last()).not.toBe(first);
  });

  it('should end for good, saying so, when the extension was reloaded', async () => {
    const { fake, timers, on, tick, last } = setup();
    tick(STEADY_MS);
    fake.reload();
    last().end();
    expect(on.lost).toHaveBeenCalledExactlyOnceWith(RELOADED.message, true);
    timers.elapse(RECONNECT_MS);
    expect(fake.ports).toHaveLength(1);

    const gone = fakeRuntime();
    gone.reload();
    const lost = vi.fn();
    watchPort({ runtime: gone.runtime, later: timers.later }, 'list.watch', {
      read: () => undefined,
      message: () => {},
      lost,
    });
    await Promise.resolve();
    expect(lost).toHaveBeenCalledExactlyOnceWith(RELOADED.message, true);
  });

  it('should close the port when told, hear nothing more, and never reopen it', () => {
    const { fake, timers, on, watch, tick, last } = setup();
    tick(STEADY_MS);
    last().end();
    watch.close();
    timers.elapse(RECONNECT_MS);
    expect(fake.ports).toHaveLength(1);

    const open = setup();
    open.watch.close();
    open.last().emit({ n: 1 });
    open.last().end();
    expect(open.last().disconnected).toBe(true);
    expect(open.on.message).not.toHaveBeenCalled();
    expect(open.on.lost).not.toHaveBeenCalled();
    expect(on.lost).toHaveBeenCalledOnce();
  });
});
