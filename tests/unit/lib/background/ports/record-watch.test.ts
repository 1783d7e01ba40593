import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveRecordWatch } from '@/lib/background/ports/record-watch';
import {
  getConversation,
  updateConversations,
  upsertConversation,
} from '@/lib/background/records/conversation-store';
import { followedRecord } from '@/lib/conversations/follow';
import type { ConversationRecord } from '@/lib/conversations/record';
import { portName } from '@/lib/protocol/ports';
import { conversationsItem } from '@/lib/storage/conversations';
import { backgroundPorts } from '../../../../support/background-ports';
import { makeRecord } from '../../../factories/conversation-record';

const ID = 'a1b2c3';

/** The record port served as the entrypoint serves it, with the stored records. */
const connect = backgroundPorts({
  record: (port, id) =>
    serveRecordWatch(port, id, {
      load: getConversation,
      onChange: (listener) => conversationsItem.watch(listener),
    }),
});
const followPortName = (id: string) => portName('record', id);

/** Lets the store's writes and the pushes they cause run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const pushedRecord = (record: ConversationRecord) => ({
  type: 'conversation.record',
  record: followedRecord(record),
});

describe('the record port', () => {
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

  it.each([
    ['an id that is too long', followPortName('x'.repeat(101))],
    ['an empty id', followPortName('')],
    ['another port', 'devtools'],
  ])('should not answer %s', async (_name, name) => {
    await upsertConversation(makeRecord({ id: ID }));

    const page = connect(name);
    await settle();

    expect(page.posted).toEqual([]);
  });
});
