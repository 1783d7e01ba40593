import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '@/lib/background/messaging/sender';
import { type FollowPort, followConversation } from '@/lib/background/ports/record-watch';
import { onConversationsChanged } from '@/lib/background/records/conversation-changes';
import {
  getConversation,
  updateConversations,
  upsertConversation,
} from '@/lib/background/records/conversation-store';
import { followedRecord, followPortName } from '@/lib/conversations/follow';
import type { ConversationRecord } from '@/lib/conversations/record';
import { makeRecord } from '../../../factories/conversation-record';

const self = { id: 'ours', baseUrl: 'chrome-extension://ours/' };
const GITHUB_TAB: Sender = {
  id: 'ours',
  url: 'https://github.com/o/r/issues/1',
  tab: { id: 3 } as Sender['tab'],
};
const ID = 'a1b2c3';

/** A port as the page opened it; the test plays the page's side. */
function connect(name: string, sender: Sender | null = GITHUB_TAB) {
  const posted: unknown[] = [];
  const fromPage = new Set<(message: unknown) => void>();
  const pageLeft = new Set<() => void>();
  const state = { disconnected: false };
  const port: FollowPort = {
    name,
    sender: sender ?? undefined,
    postMessage: (message) => posted.push(message),
    disconnect: () => {
      state.disconnected = true;
    },
    onMessage: { addListener: (listener) => fromPage.add(listener) },
    onDisconnect: { addListener: (listener) => pageLeft.add(listener) },
  };
  followConversation(port, { self, load: getConversation, onChange: onConversationsChanged });
  return {
    posted,
    state,
    send: (message: unknown) => {
      for (const listener of fromPage) listener(message);
    },
    leave: () => {
      for (const listener of pageLeft) listener();
    },
  };
}

/** Lets the store's writes and the pushes they cause run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const pushedRecord = (record: ConversationRecord) => ({
  type: 'conversation.record',
  record: followedRecord(record),
});

describe('followConversation', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should post the record on connect, then each change the page can see, without the rest', async () => {
    const first = makeRecord({ id: ID });
    await upsertConversation(first);
    const page = connect(followPortName(ID));
    await settle();

    const staged = { ...first, startStatus: 'PREPARING_REPOSITORY' };
    await upsertConversation(staged);
    // Only bookkeeping changed: nothing new for the page
    await upsertConversation({ ...staged, lastPolledAt: '2026-11-28T10:01:00.000Z' });
    await upsertConversation(makeRecord({ id: 'another' }));
    const ready = { ...staged, state: 'running' as const, conversationId: 'c0ffee' };
    await upsertConversation(ready);
    await settle();

    expect(page.posted).toEqual([pushedRecord(first), pushedRecord(staged), pushedRecord(ready)]);
    expect(page.posted[0]).not.toHaveProperty('record.source');
  });

  it('should post null once the record is no longer stored', async () => {
    await upsertConversation(makeRecord({ id: ID }));
    const page = connect(followPortName(ID));
    await settle();

    await updateConversations(() => ({ records: [], result: null }));
    await settle();

    expect(page.posted.at(-1)).toEqual({ type: 'conversation.record', record: null });
  });

  it('should stop when the page leaves', async () => {
    await upsertConversation(makeRecord({ id: ID }));
    const page = connect(followPortName(ID));
    await settle();

    page.leave();
    await upsertConversation(makeRecord({ id: ID, state: 'error' }));
    await settle();

    expect(page.posted).toHaveLength(1);
  });

  it('should end the port when the page sends anything', async () => {
    await upsertConversation(makeRecord({ id: ID }));
    const page = connect(followPortName(ID));
    await settle();

    page.send({ type: 'settings.get' });
    await upsertConversation(makeRecord({ id: ID, state: 'error' }));
    await settle();

    expect(page.state.disconnected).toBe(true);
    expect(page.posted).toHaveLength(1);
  });

  it.each<[string, Sender | null]>([
    ['another extension', { ...GITHUB_TAB, id: 'theirs' }],
    ['a tab on another site', { ...GITHUB_TAB, url: 'https://evil.example/' }],
    ['no sender', null],
  ])('should refuse %s', async (_name, sender) => {
    await upsertConversation(makeRecord({ id: ID }));

    const page = connect(followPortName(ID), sender);
    await settle();

    expect(page.state.disconnected).toBe(true);
    expect(page.posted).toEqual([]);
  });

  it.each([
    ['an id that is too long', followPortName('x'.repeat(101))],
    ['an empty id', followPortName('')],
    ['another port', 'devtools'],
  ])('should not answer %s', async (_name, portName) => {
    await upsertConversation(makeRecord({ id: ID }));

    const page = connect(portName);
    await settle();

    expect(page.posted).toEqual([]);
  });
});
