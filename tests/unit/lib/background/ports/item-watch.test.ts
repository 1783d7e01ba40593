import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTIVE_POLL_MS, QUIET_POLL_MS, STARTING_POLL_MS } from '@/lib/background/polling/policy';
import { serveItemWatch } from '@/lib/background/ports/item-watch';
import {
  loadConversations,
  updateConversations,
  upsertConversation,
} from '@/lib/background/records/conversation-store';
import { itemKey } from '@/lib/conversations/item';
import type { ConversationRecord } from '@/lib/conversations/record';
import { type ItemWatchMessage as ItemMessage, portName } from '@/lib/protocol/ports';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { conversationsItem } from '@/lib/storage/conversations';
import { backgroundPorts } from '../../../../support/background-ports';
import { makeRecord } from '../../../factories/conversation-record';

const SERVER = CLOUD_ORIGIN;
const ISSUE = itemKey('octo-org/hello-world', 42);
const itemPortName = (key: string) => portName('item', key);

/** Timers the test runs by hand: what is pending and after how long. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimeout: (callback: () => void, ms: number) => {
      pending.set(next, { callback, ms });
      return next++;
    },
    clearTimeout: (timer: unknown) => pending.delete(timer as number),
    /** Runs every pending timer once; returns their delays. */
    runAll() {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, { callback }] of due) callback();
      return due.map(([, { ms }]) => ms);
    },
  };
}

/** The item port served as the entrypoint serves it, with the stored records and polls the test sees. */
function connect(name: string) {
  const timers = manualTimers();
  const polled: string[][] = [];
  const poll = vi.fn(async (ids: readonly string[]) => {
    polled.push([...ids]);
  });
  const scan = vi.fn(async () => {});
  const refreshed: string[][] = [];
  const refresh = vi.fn(async (ids: readonly string[]) => {
    refreshed.push([...ids]);
  });
  const page = backgroundPorts({
    item: (port, key) =>
      serveItemWatch(port, key, {
        load: async () => ({ records: await loadConversations(), serverUrl: SERVER }),
        onChange: (listener) => conversationsItem.watch(listener),
        poll,
        refresh,
        scan,
        setTimeout: timers.setTimeout,
        clearTimeout: timers.clearTimeout,
      }),
  })(name);
  return { ...page, posted: page.posted as ItemMessage[], timers, polled, poll, refresh, refreshed, scan };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ids = (message: ItemMessage | undefined) => message?.conversations.map((c) => c.id);

describe('the item port', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should post the item’s conversations on connect, newest first', async () => {
    await upsertConversation(
      makeRecord({ id: 'old', createdAt: '2026-11-28T09:00:00.000Z', state: 'finished' }),
    );
    await upsertConversation(makeRecord({ id: 'new', state: 'finished' }));
    await upsertConversation(
      makeRecord({
        id: 'other',
        title: 'x',
        source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/7', number: 7 },
      }),
    );
    const page = connect(itemPortName(ISSUE));
    await settle();
    expect(page.posted).toHaveLength(1);
    expect(page.posted[0]).toMatchObject({ type: 'item.conversations', item: ISSUE });
    expect(ids(page.posted[0])).toEqual(['new', 'old']);
  });

  it('should read the key case-insensitively', async () => {
    await upsertConversation(makeRecord({ state: 'finished' }));
    const page = connect('item.watch:Octo-Org/Hello-World#42');
    await settle();
    expect(page.posted[0]?.item).toBe(ISSUE);
    expect(ids(page.posted[0])).toHaveLength(1);
  });

  it('should post an empty list and ask nothing of the server for an item without conversations', async () => {
    const page = connect(itemPortName(ISSUE));
    await settle();
    expect(page.posted).toEqual([{ type: 'item.conversations', item: ISSUE, conversations: [] }]);
    expect(page.timers.pending.size).toBe(0);
    expect(page.poll).not.toHaveBeenCalled();
    expect(page.refresh).not.toHaveBeenCalled();
    expect(page.scan).not.toHaveBeenCalled();
  });

  it('should read every conversation of the item at once when the page opens, final ones included', async () => {
    await upsertConversation(makeRecord({ id: 'done', state: 'finished', polling: false }));
    await upsertConversation(
      makeRecord({ id: 'paused', state: 'paused', createdAt: '2026-11-28T11:00:00.000Z' }),
    );

    const page = connect(itemPortName(ISSUE));
    await settle();
    expect(page.timers.runAll()).toEqual([0]);
    await settle();

    expect(page.refreshed).toEqual([['paused', 'done']]);
    expect(page.refresh.mock.invocationCallOrder[0]).toBeLessThan(page.poll.mock.invocationCallOrder[0] ?? 0);
    await updateConversations((records) => ({ records, result: null }));
    await settle();
    expect(page.refreshed).toHaveLength(1);
  });

  it('should post again when a record changes what the page sees, and only then', async () => {
    await upsertConversation(makeRecord({ state: 'finished' }));
    const page = connect(itemPortName(ISSUE));
    await settle();
    await updateConversations((records) => ({ records, result: null }));
    await settle();
    expect(page.posted).toHaveLength(1);
    await updateConversations((records) => ({
      records: records.map((r) => ({ ...r, pullNumbers: [57] })),
      result: null,
    }));
    await settle();
    expect(page.posted).toHaveLength(2);
    expect(page.posted[1]?.conversations[0]?.pullNumbers).toEqual([57]);
  });

  it('should poll the live conversations at once, then at the busiest one’s interval, with the scan', async () => {
    await upsertConversation(
      makeRecord({ id: 'run', state: 'running', createdAt: '2026-11-28T10:01:00.000Z' }),
    );
    await upsertConversation(makeRecord({ id: 'wait', state: 'paused' }));
    await upsertConversation(
      makeRecord({ id: 'done', state: 'finished', createdAt: '2026-11-28T09:00:00.000Z' }),
    );
    const page = connect(itemPortName(ISSUE));
    await settle();
    expect(page.timers.runAll()).toEqual([0]);
    await settle();
    expect(page.polled).toEqual([['run', 'wait']]);
    expect(page.scan).toHaveBeenCalledTimes(1);
    expect(page.timers.runAll()).toEqual([ACTIVE_POLL_MS]);
    await settle();
    expect(page.polled).toHaveLength(2);
  });

  it('should poll a start as often as starts are polled, and stop once all are final', async () => {
    await upsertConversation(makeRecord({ id: 'start', state: 'starting' }));
    const page = connect(itemPortName(ISSUE));
    await settle();
    page.timers.runAll();
    await settle();
    expect([...page.timers.pending.values()].map((t) => t.ms)).toEqual([STARTING_POLL_MS]);
    await updateConversations((records) => ({
      records: records.map((r): ConversationRecord => ({ ...r, state: 'stopped' })),
      result: null,
    }));
    await settle();
    page.timers.runAll();
    await settle();
    expect([...page.timers.pending.values()].map((t) => t.ms)).toEqual([QUIET_POLL_MS]);
    await updateConversations((records) => ({
      records: records.map((r): ConversationRecord => ({ ...r, state: 'finished' })),
      result: null,
    }));
    await settle();
    page.timers.runAll();
    await settle();
    expect(page.timers.pending.size).toBe(0);
    expect(page.polled).toEqual([['start'], ['start']]);
  });

  it('should stop polling and posting once the page leaves', async () => {
    await upsertConversation(makeRecord({ state: 'running' }));
    const page = connect(itemPortName(ISSUE));
    await settle();
    page.leave();
    expect(page.timers.pending.size).toBe(0);
    await updateConversations((records) => ({
      records: records.map((r) => ({ ...r, title: 'New' })),
      result: null,
    }));
    await settle();
    expect(page.posted).toHaveLength(1);
    expect(page.poll).not.toHaveBeenCalled();
  });

  it('should end the port when the page sends anything', async () => {
    const page = connect(itemPortName(ISSUE));
    await settle();
    page.send({ type: 'hello' });
    expect(page.state.disconnected).toBe(true);
  });

  it.each([
    'item.watch:',
    'item.watch:octo-org/hello-world',
    'item.watch:octo-org/hello-world#0',
    'item.watch:a b/c#1',
  ])('should refuse the malformed name %j', async (name) => {
    const page = connect(name);
    await settle();
    expect(page.state.disconnected).toBe(true);
    expect(page.posted).toEqual([]);
  });
});
