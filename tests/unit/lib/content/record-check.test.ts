import { describe, expect, it } from 'vitest';
import { isRecordSummary, recordOrNullReply, recordReply } from '@/lib/content/record-check';
import { startingRecord } from './records';

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
  it('should accept null only where a record may be missing', () => {
    expect(recordOrNullReply.safeParse(null)).toEqual({ success: true, data: null });
    expect(recordReply.safeParse(null)).toEqual({ success: false });
  });
});
