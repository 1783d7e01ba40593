import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  alreadySent,
  MAX_SENT_CONVERSATIONS,
  MAX_SENT_IDS,
  rememberSent,
  withSent,
} from '@/lib/background/follow-ups/sent-review-items';
import { sentReviewItemsItem } from '@/lib/storage/sent-review-items';

/** "Send new review comments" remembers, per conversation, what it already sent. */

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 12, minute));

describe('the review items sent to each conversation', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should answer which of the asked ids were sent, per conversation, in the order asked', async () => {
    await rememberSent('conv-1', ['discussion_r1', 'pullrequestreview-7'], at(0));
    await rememberSent('conv-2', ['discussion_r2'], at(1));

    expect(await alreadySent('conv-1', ['discussion_r2', 'pullrequestreview-7', 'discussion_r1'])).toEqual([
      'pullrequestreview-7',
      'discussion_r1',
    ]);
    expect(await alreadySent('conv-2', ['discussion_r1'])).toEqual([]);
    expect(await alreadySent('never-sent-to', ['discussion_r1'])).toEqual([]);
  });

  it('should keep both of two follow-ups delivered at the same time', async () => {
    await Promise.all([rememberSent('conv-1', ['a'], at(0)), rememberSent('conv-1', ['b'], at(0))]);

    expect(await alreadySent('conv-1', ['a', 'b'])).toEqual(['a', 'b']);
  });

  it('should store nothing for a follow-up without review items', async () => {
    await rememberSent('conv-1', [], at(0));

    expect(await sentReviewItemsItem.getValue()).toEqual({});
  });

  it('should drop the oldest ids of a conversation beyond the cap', () => {
    const many = Array.from({ length: MAX_SENT_IDS }, (_, i) => `id-${i}`);

    const stored = withSent(withSent({}, 'c', many, at(0)), 'c', ['id-0', 'new'], at(1));

    expect(stored.c?.ids).toHaveLength(MAX_SENT_IDS);
    expect(stored.c?.ids.slice(-2)).toEqual(['id-0', 'new']);
    expect(stored.c?.ids).not.toContain('id-1');
  });

  it('should forget the conversation sent to least recently beyond the cap', () => {
    let stored = {};
    for (let i = 0; i <= MAX_SENT_CONVERSATIONS; i++) stored = withSent(stored, `c${i}`, ['x'], at(i));

    expect(Object.keys(stored)).toHaveLength(MAX_SENT_CONVERSATIONS);
    expect(stored).not.toHaveProperty('c0');
    expect(stored).toHaveProperty(`c${MAX_SENT_CONVERSATIONS}`);
  });

  it('should read a stored value it cannot parse as nothing sent', async () => {
    await fakeBrowser.storage.local.set({ sentReviewItems: { 'conv-1': { ids: 'not a list' } } });

    expect(await alreadySent('conv-1', ['a'])).toEqual([]);
  });
});
