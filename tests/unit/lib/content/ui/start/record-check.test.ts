import { describe, expect, it } from 'vitest';
import { isRecordSummary, readFollowMessage, recordReply } from '@/lib/content/ui/start/record-check';
import { followedRecord } from '@/lib/conversations/follow';
import { startingRecord } from '../records';

describe('isRecordSummary', () => {
  it('should accept a record as the background stores it', () => {
    expect(isRecordSummary(startingRecord())).toBe(true);
    expect(isRecordSummary(startingRecord({ state: 'error', detail: 'Sandbox failed', taskId: null }))).toBe(
      true,
    );
  });

  it.each([
    ['null', null],
    ['a string', 'a1b2c3'],
    ['an empty id', { ...startingRecord(), id: '' }],
    ['no title', { ...startingRecord(), title: undefined }],
    ['an unknown state', { ...startingRecord(), state: 'exploded' }],
    ['a numeric start status', { ...startingRecord(), startStatus: 3 }],
    ['a server that is not a web address', { ...startingRecord(), serverUrl: 'javascript:alert(1)' }],
    ['an object as conversation id', { ...startingRecord(), conversationId: {} }],
  ])('should refuse %s', (_name, value) => {
    expect(isRecordSummary(value)).toBe(false);
  });
});

describe('the reply checks', () => {
  it('should refuse null as the answer to a start', () => {
    expect(recordReply.safeParse(null)).toEqual({ success: false });
    expect(recordReply.safeParse(startingRecord())).toMatchObject({ success: true });
  });
});

describe('readFollowMessage', () => {
  const record = followedRecord(startingRecord());

  it('should read the followed record, or null once it is no longer stored', () => {
    expect(readFollowMessage({ type: 'conversation.record', record }, 'a1b2c3')).toEqual(record);
    expect(readFollowMessage({ type: 'conversation.record', record: null }, 'a1b2c3')).toBeNull();
  });

  it.each([
    ['another record', { type: 'conversation.record', record: { ...record, id: 'other' } }],
    ['a broken record', { type: 'conversation.record', record: { ...record, state: 'exploded' } }],
    ['another type', { type: 'conversation.start', record }],
    ['no record at all', { type: 'conversation.record' }],
    ['junk', 'conversation.record'],
    ['null', null],
  ])('should refuse %s', (_name, message) => {
    expect(readFollowMessage(message, 'a1b2c3')).toBeUndefined();
  });
});
