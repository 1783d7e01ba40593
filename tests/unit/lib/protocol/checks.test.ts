import { describe, expect, it } from 'vitest';
import { followedRecord } from '@/lib/conversations/follow';
import { FOLLOW_UP_STAGES } from '@/lib/conversations/follow-up';
import { toItemConversation } from '@/lib/conversations/item-index';
import {
  GITHUB_REPLY_CHECKS,
  isRecordSummary,
  readItemMessage,
  readProgress,
  readRecordMessage,
  recordReply,
} from '@/lib/protocol/checks';
import { GITHUB_TYPES, MESSAGES } from '@/lib/protocol/messages';
import { makeRecord } from '../../factories/conversation-record';
import { itemConversation } from '../content/ui/item-port';

const record = makeRecord({ id: 'a1b2c3', taskId: 'a1b2c3' });
const ITEM = 'octo-org/hello-world#42';

/** Replies the background sends to GitHub pages, one or more per row a GitHub page may send. */
const SAMPLES: Record<string, unknown[]> = {
  'conversation.start': [record, makeRecord({ state: 'error', detail: 'Sandbox failed', taskId: null })],
  'options.open': [null, undefined],
  'ui.load': [null],
  'threads.load': [null],
  'followUp.send': [
    { kind: 'sent', record },
    { kind: 'queued', record, position: 2 },
    {
      kind: 'archived',
      record,
      restart: {
        message: 'Continue from the old one',
        title: 'Again',
        repository: 'octo-org/hello-world',
        source: record.source,
      },
    },
    { kind: 'unsupported', reason: 'Follow-ups need a V1 server.' },
  ],
  'followUp.sentReviewItems': [{ sent: [] }, { sent: ['discussion_r1', 'pullrequestreview-2'] }],
};

describe('the GitHub reply checks', () => {
  it('should have one check for each message a GitHub page may send, and only those', () => {
    expect(Object.keys(GITHUB_REPLY_CHECKS).sort()).toEqual([...GITHUB_TYPES].sort());
  });

  it('should accept what the background answers, as its row’s schema does', () => {
    for (const type of GITHUB_TYPES) {
      const samples = SAMPLES[type] ?? [];
      expect(samples.length, type).toBeGreaterThan(0);
      for (const sample of samples) {
        expect(MESSAGES[type].reply.safeParse(sample).success, `${type}: the schema`).toBe(true);
        const check = GITHUB_REPLY_CHECKS[type as keyof typeof GITHUB_REPLY_CHECKS];
        expect(check.safeParse(sample).success, `${type}: the check`).toBe(true);
      }
    }
  });

  it.each([
    ['a start answered with null', 'conversation.start', null],
    ['a record with an unknown state', 'conversation.start', { ...record, state: 'exploded' }],
    ['a queued follow-up without its place', 'followUp.send', { kind: 'queued', record }],
    ['a follow-up of an unknown kind', 'followUp.send', { kind: 'teleported', record }],
    ['sent ids that are not strings', 'followUp.sentReviewItems', { sent: [1] }],
    ['threads.load answered with data', 'threads.load', { injected: true }],
    ['ui.load answered with data', 'ui.load', { injected: true }],
  ] as const)('should refuse %s, as the schema does', (_name, type, reply) => {
    expect(MESSAGES[type].reply.safeParse(reply).success).toBe(false);
    expect(GITHUB_REPLY_CHECKS[type].safeParse(reply).success).toBe(false);
  });
});

describe('isRecordSummary', () => {
  it('should accept a record as the background stores it, and as it posts it', () => {
    expect(isRecordSummary(record)).toBe(true);
    expect(isRecordSummary(followedRecord(record))).toBe(true);
    expect(recordReply.safeParse(record)).toMatchObject({ success: true });
  });

  it.each([
    ['null', null],
    ['a string', 'a1b2c3'],
    ['an empty id', { ...record, id: '' }],
    ['no title', { ...record, title: undefined }],
    ['an unknown state', { ...record, state: 'exploded' }],
    ['a numeric start status', { ...record, startStatus: 3 }],
    ['a server that is not a web address', { ...record, serverUrl: 'javascript:alert(1)' }],
    ['an object as conversation id', { ...record, conversationId: {} }],
  ])('should refuse %s', (_name, value) => {
    expect(isRecordSummary(value)).toBe(false);
  });
});

describe('readRecordMessage', () => {
  const posted = followedRecord(record);

  it('should read the watched record, or null once it is no longer stored', () => {
    expect(readRecordMessage({ type: 'conversation.record', record: posted }, 'a1b2c3')).toEqual(posted);
    expect(readRecordMessage({ type: 'conversation.record', record: null }, 'a1b2c3')).toBeNull();
  });

  it.each([
    ['another record', { type: 'conversation.record', record: { ...posted, id: 'other' } }],
    ['a broken record', { type: 'conversation.record', record: { ...posted, state: 'exploded' } }],
    ['another type', { type: 'conversation.start', record: posted }],
    ['no record at all', { type: 'conversation.record' }],
    ['junk', 'conversation.record'],
    ['null', null],
  ])('should refuse %s', (_name, message) => {
    expect(readRecordMessage(message, 'a1b2c3')).toBeUndefined();
  });
});

describe('readItemMessage', () => {
  it('should read a conversation as the background posts it', () => {
    const posted = toItemConversation(makeRecord({ state: 'running', conversationId: 'c1' }));
    expect(
      readItemMessage({ type: 'item.conversations', item: ITEM, conversations: [posted] }, ITEM),
    ).toEqual([posted]);
  });

  it('should leave out conversations that do not fit, keeping the rest, and refuse other messages', () => {
    const good = itemConversation({ state: 'starting', stage: 'Preparing repository', pullNumbers: [7, 9] });
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
    expect(
      readItemMessage(
        { type: 'item.conversations', item: 'octo-org/hello-world#43', conversations: [] },
        ITEM,
      ),
    ).toBeUndefined();
    expect(
      readItemMessage({ type: 'item.conversations', item: ITEM, conversations: {} }, ITEM),
    ).toBeUndefined();
    expect(readItemMessage({ type: 'conversation.record', record: null }, ITEM)).toBeUndefined();
    expect(readItemMessage(null, ITEM)).toBeUndefined();
  });
});

describe('readProgress', () => {
  it('should read every stage, and nothing else', () => {
    for (const stage of FOLLOW_UP_STAGES)
      expect(readProgress({ type: 'followUp.progress', stage })).toBe(stage);
    expect(readProgress({ type: 'followUp.progress', stage: 'teleporting' })).toBeUndefined();
    expect(readProgress({ type: 'followUp.result', stage: 'sending' })).toBeUndefined();
    expect(readProgress('followUp.progress')).toBeUndefined();
  });
});
