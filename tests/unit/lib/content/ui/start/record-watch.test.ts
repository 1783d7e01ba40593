import { describe, expect, it, vi } from 'vitest';
import { type FollowPort, type FollowRuntime, followRecord } from '@/lib/content/ui/start/record-watch';
import { followedRecord } from '@/lib/conversations/follow';
import { BAD_REPLY, NO_REPLY, RELOADED } from '@/lib/protocol/send';
import { startingRecord } from '../records';

/** A runtime whose port the test plays the background's side of. */
function fakeRuntime() {
  const fromBackground = new Set<(message: unknown) => void>();
  const backgroundLeft = new Set<() => void>();
  const state = { name: '', disconnected: false };
  const port: FollowPort = {
    disconnect: () => {
      state.disconnected = true;
    },
    onMessage: { addListener: (listener) => fromBackground.add(listener) },
    onDisconnect: { addListener: (listener) => backgroundLeft.add(listener) },
  };
  const runtime: { id?: string } & FollowRuntime = {
    id: 'ours',
    connect: ({ name }) => {
      state.name = name;
      return port;
    },
  };
  return {
    runtime,
    state,
    post: (message: unknown) => {
      for (const listener of fromBackground) listener(message);
    },
    leave: () => {
      for (const listener of backgroundLeft) listener();
    },
  };
}

const handlers = () => ({ record: vi.fn(), lost: vi.fn() });
const record = followedRecord(startingRecord());

describe('followRecord', () => {
  it('should connect for the record and pass on each record the background posts', () => {
    const { runtime, state, post } = fakeRuntime();
    const on = handlers();

    followRecord(runtime, 'a1b2c3', on);
    post({ type: 'conversation.record', record });
    post({ type: 'conversation.record', record: null });

    expect(state.name).toBe('conversation.follow:a1b2c3');
    expect(on.record.mock.calls).toEqual([[record], [null]]);
    expect(on.lost).not.toHaveBeenCalled();
  });

  it('should end the connection on a message it cannot read', () => {
    const { runtime, state, post } = fakeRuntime();
    const on = handlers();
    followRecord(runtime, 'a1b2c3', on);

    post({ type: 'conversation.record', record: { ...record, state: 'exploded' } });
    post({ type: 'conversation.record', record });

    expect(state.disconnected).toBe(true);
    expect(on.lost).toHaveBeenCalledExactlyOnceWith(BAD_REPLY.message);
    expect(on.record).not.toHaveBeenCalled();
  });

  it('should say why the background went away', () => {
    const first = fakeRuntime();
    const second = fakeRuntime();
    const [stopped, reloaded] = [handlers(), handlers()];
    followRecord(first.runtime, 'a1b2c3', stopped);
    followRecord(second.runtime, 'a1b2c3', reloaded);

    first.leave();
    second.runtime.id = undefined;
    second.leave();

    expect(stopped.lost).toHaveBeenCalledExactlyOnceWith(NO_REPLY.message);
    expect(reloaded.lost).toHaveBeenCalledExactlyOnceWith(RELOADED.message);
  });

  it('should say the extension was reloaded when it cannot connect at all', async () => {
    const on = handlers();
    const runtime: FollowRuntime = {
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    };

    followRecord(runtime, 'a1b2c3', on);
    await Promise.resolve();

    expect(on.lost).toHaveBeenCalledExactlyOnceWith(RELOADED.message);
  });

  it('should close the port when done, and hear nothing more', () => {
    const { runtime, state, post, leave } = fakeRuntime();
    const on = handlers();
    const feed = followRecord(runtime, 'a1b2c3', on);

    feed.close();
    post({ type: 'conversation.record', record });
    leave();

    expect(state.disconnected).toBe(true);
    expect(on.record).not.toHaveBeenCalled();
    expect(on.lost).not.toHaveBeenCalled();
  });
});
