import { describe, expect, it } from 'vitest';
import { collectReviewActivity } from '@/lib/forges/github/review-activity';
import { newSince, type ReviewActivity } from '@/lib/forges/page-data';
import { loadFixture } from './fixtures';

/** `kind id author time` per item: the order and identity of what would be sent. */
function lines(activity: ReviewActivity[]): string[] {
  return activity.map((item) => `${item.kind} ${item.id} ${item.author} ${item.time}`);
}

describe('collectReviewActivity', () => {
  const activity = collectReviewActivity(loadFixture('pull-timeline-threads'));

  it('should list review summaries with a body and review comments, oldest first', () => {
    expect(lines(activity)).toEqual([
      'review pullrequestreview-4175000000 bob 2026-05-01T15:00:00Z',
      'comment discussion_r3068790000 alice 2026-05-02T10:05:00Z',
      'comment discussion_r3068791673 alice 2026-05-02T10:11:12Z',
      'review pullrequestreview-4175514676 alice 2026-05-02T10:20:00Z',
      'comment discussion_r3068800001 bob 2026-05-02T11:00:00Z',
      'comment discussion_r3068812345 alice 2026-05-03T08:00:00Z',
      'review pullrequestreview-4175600000 carol 2026-05-03T09:00:00Z',
      'comment discussion_r3069000000 dave 2026-05-03T10:25:00Z',
      'comment discussion_r3069000300 dave 2026-05-03T10:26:00Z',
    ]);
  });

  it('should leave out the conversation comment, the pending draft, the dismissal event and a review without body', () => {
    const ids = activity.map((item) => item.id);

    expect(ids).not.toContain('issuecomment-2811000001');
    expect(ids).not.toContain('discussion_r3069999999');
    expect(ids).not.toContain('pullrequestreview-4175700000');
    expect(ids.filter((id) => id === 'pullrequestreview-4175000000')).toHaveLength(1);
  });

  it('should read each review’s state and body, with the time from the timeline header', () => {
    const reviews = activity.filter((item) => item.kind === 'review');

    expect(reviews).toEqual([
      {
        kind: 'review',
        id: 'pullrequestreview-4175000000',
        author: 'bob',
        time: '2026-05-01T15:00:00Z',
        body: 'Two small things before I approve.',
        state: 'changes_requested',
      },
      {
        kind: 'review',
        id: 'pullrequestreview-4175514676',
        author: 'alice',
        time: '2026-05-02T10:20:00Z',
        body: "A few changes before this can go in. See @bob's note too.",
        state: 'changes_requested',
      },
      {
        kind: 'review',
        id: 'pullrequestreview-4175600000',
        author: 'carol',
        time: '2026-05-03T09:00:00Z',
        body: "Looks good once Alice's points are addressed.",
        state: 'approved',
      },
    ]);
  });

  it('should give each comment its thread, file, lines and place in the thread', () => {
    const reply = activity.find((item) => item.id === 'discussion_r3068800001');
    const outdated = activity.find((item) => item.id === 'discussion_r3068790000');

    expect(reply).toEqual({
      kind: 'comment',
      id: 'discussion_r3068800001',
      author: 'bob',
      time: '2026-05-02T11:00:00Z',
      body: "Good idea, I'll move it up.",
      threadId: 'discussion_r3068791673',
      path: 'src/auth/session.ts',
      range: { start: 42, startSide: 'R', end: 43, side: 'R' },
      isReply: true,
      outdated: false,
      resolved: false,
    });
    expect(outdated).toMatchObject({ isReply: false, outdated: true, path: 'src/auth/cookies.ts' });
  });

  it('should read review comments on the Files view too (no summaries there)', () => {
    const actual = collectReviewActivity(loadFixture('pull-files-threads'));

    expect(actual.every((item) => item.kind === 'comment')).toBe(true);
    expect(actual.map((item) => item.id)).toEqual([
      'discussion_r3069200000',
      'discussion_r3069200100',
      'discussion_r3068795555',
      'discussion_r3068791673',
      'discussion_r3068800001',
      'discussion_r3068812345',
      'discussion_r3069000000',
      'discussion_r3069000300',
    ]);
  });

  it('should give nothing on a page without reviews', () => {
    expect(collectReviewActivity(loadFixture('issue'))).toEqual([]);
  });

  it('should put items without a time last, in page order', () => {
    const doc = new DOMParser().parseFromString(
      `<review-thread-collapsible class="review-thread-component">
        <div class="review-comment" id="discussion_r2"><a class="author" href="/b">b</a><div class="comment-body"><p>No time</p></div></div>
        <div class="review-comment" id="discussion_r3"><a class="author" href="/c">c</a><relative-time datetime="2026-01-01T00:00:00Z"></relative-time><div class="comment-body"><p>Timed</p></div></div>
      </review-thread-collapsible>`,
      'text/html',
    );

    expect(collectReviewActivity(doc).map((item) => item.id)).toEqual(['discussion_r3', 'discussion_r2']);
  });
});

describe('newSince', () => {
  const activity = collectReviewActivity(loadFixture('pull-timeline-threads'));

  it('should drop what was sent before and keep the order', () => {
    const sent = ['pullrequestreview-4175000000', 'discussion_r3068790000', 'discussion_r3068791673'];

    const actual = newSince(activity, sent).map((item) => item.id);

    expect(actual).toEqual([
      'pullrequestreview-4175514676',
      'discussion_r3068800001',
      'discussion_r3068812345',
      'pullrequestreview-4175600000',
      'discussion_r3069000000',
      'discussion_r3069000300',
    ]);
  });

  it('should give nothing once everything was sent', () => {
    expect(newSince(activity, new Set(activity.map((item) => item.id)))).toEqual([]);
  });
});
