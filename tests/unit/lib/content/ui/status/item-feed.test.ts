import { describe, expect, it, vi } from 'vitest';
import type { FollowPort, FollowRuntime } from '@/lib/content/ui/start/record-watch';
import { readItemMessage } from '@/lib/content/ui/status/item-check';
import { followItem } from '@/lib/content/ui/status/item-feed';
import { itemConversation } from '../item-port';

const ITEM = 'octo-org/hello-world#42';

/** A runtime whose item port the test plays the background's side of. */
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
  const runtime: FollowRuntime = {
    id: 'ours',
    connect: ({ name }) => {
      state.name = name;
      return port;
    },
  };
  const post = (message: unknown) => {
    for (const listener of fromBackground) listener(message);
  };
  const leave = () => {
    for (const listener of backgroundLeft) listener();
  };
  return { runtime, state, post, leave };
}

describe('followItem', () => {
  it('should open the item port and pass on the conversations the background posts', () => {
    const { runtime, state, post } = fakeRuntime();
    const on = { conversations: vi.fn(), lost: vi.fn() };
    const list = [itemConversation({ state: 'finished', pullNumbers: [7] })];

    followItem(runtime, ITEM, on);
    post({ type: 'item.conversations', item: ITEM, conversations: list });

    expect(state.name).toBe('item.follow:octo-org/hello-world#42');
    expect(on.conversations).toHaveBeenCalledWith(list);
    expect(on.lost).not.toHaveBeenCalled();
  });

  it('should end the port on a message it cannot read, or one for another item', () => {
    for (const message of [
      { type: 'item.conversations', item: ITEM, conversations: { 0: itemConversation({}) } },
      { type: 'item.conversations', item: 'octo-org/hello-world#43', conversations: [] },
    ]) {
      const { runtime, state, post } = fakeRuntime();
      const on = { conversations: vi.fn(), lost: vi.fn() };
      followItem(runtime, ITEM, on);

      post(message);

      expect(state.disconnected).toBe(true);
      expect(on.lost).toHaveBeenCalledOnce();
      expect(on.conversations).not.toHaveBeenCalled();
    }
  });

  it('should say when the background leaves, but not when the page closes the port', () => {
    const lostFromBackground = fakeRuntime();
    const on = { conversations: vi.fn(), lost: vi.fn() };
    followItem(lostFromBackground.runtime, ITEM, on);
    lostFromBackground.leave();
    expect(on.lost).toHaveBeenCalledOnce();

    const closedHere = fakeRuntime();
    const quiet = { conversations: vi.fn(), lost: vi.fn() };
    followItem(closedHere.runtime, ITEM, quiet).close();
    closedHere.leave();
    closedHere.post({ type: 'item.conversations', item: ITEM, conversations: [] });
    expect(closedHere.state.disconnected).toBe(true);
    expect(quiet.lost).not.toHaveBeenCalled();
    expect(quiet.conversations).not.toHaveBeenCalled();
  });

  it('should say it lost the background when the extension was reloaded', async () => {
    const on = { conversations: vi.fn(), lost: vi.fn() };
    followItem(
      {
        connect: () => {
          throw new Error('Extension context invalidated.');
        },
      },
      ITEM,
      on,
    );

    await vi.waitFor(() => expect(on.lost).toHaveBeenCalledOnce());
  });
});

describe('readItemMessage', () => {
  it('should read every field the control shows, and leave out conversations that do not fit, keeping the rest', () => {
    const good = itemConversation({ state: 'starting', stage: 'Preparing repository', pullNumbers: [7, 9] });

    expect(readItemMessage({ type: 'item.conversations', item: ITEM, conversations: [good] }, ITEM)).toEqual([
      good,
    ]);
    for (const bad of [
      { ...good, url: 'javascript:alert(1)' },
      { ...good, pullNumbers: ['7'] },
      { ...good, pullNumbers: [0] },
      { ...good, stage: 3 },
      { ...good, id: '' },
      { ...good, apiVersion: 'v2' },
    ]) {
      expect(
        readItemMessage({ type: 'item.conversations', item: ITEM, conversations: [bad, good] }, ITEM),
      ).toEqual([good]);
    }
    expect(readItemMessage({ type: 'conversation.record', record: null }, ITEM)).toBeUndefined();
    expect(readItemMessage(null, ITEM)).toBeUndefined();
  });
});
