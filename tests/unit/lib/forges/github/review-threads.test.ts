import { describe, expect, it } from 'vitest';
import { findReviewThreadMarks, findReviewThreads } from '@/lib/forges/github/review-threads';
import type { ReviewThread } from '@/lib/forges/page-data';
import { type FixtureName, loadFixture } from './fixtures';

/** Parses a page body, for cases no fixture covers. */
function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

/** A thread without its anchor element (checked separately), for `toEqual`. */
function plain({ anchor: _, ...thread }: ReviewThread) {
  return thread;
}

function threadsOf(name: FixtureName) {
  return findReviewThreads(loadFixture(name));
}

function byId(threads: ReviewThread[], id: string): ReviewThread {
  const thread = threads.find((candidate) => candidate.id === id);
  if (!thread) throw new Error(`No thread ${id}`);
  return thread;
}

const SESSION_HUNK = [
  '@@ -40,3 +40,4 @@',
  '   const session = readSession(req);',
  '   if (!session) {',
  "-    return res.redirect('/login');",
  "+    clearCookie(res, 'session_id');",
  "+    return res.redirect('/login?expired=1');",
].join('\n');

const SESSION_COMMENTS = [
  {
    id: 'discussion_r3068791673',
    author: 'alice',
    time: '2026-05-02T10:11:12Z',
    body: 'Could `clearCookie` run once before both redirects instead of in each branch?',
  },
  {
    id: 'discussion_r3068800001',
    author: 'bob',
    time: '2026-05-02T11:00:00Z',
    body: "Good idea, I'll move it up.",
  },
  {
    id: 'discussion_r3068812345',
    author: 'alice',
    time: '2026-05-03T08:00:00Z',
    body: 'Also keep the `expired=1` flag:\n\n- the login page reads it\n- so do the e2e tests',
  },
];

const CHANGELOG_HUNK = [
  '@@ -10,3 +10,2 @@',
  ' ## Expired sessions',
  ' ',
  '-Users are sent back to the login page.',
].join('\n');

const OPEN = { outdated: false, resolved: false, collapsed: false };

describe('findReviewThreads', () => {
  describe('on the React Files view', () => {
    const threads = threadsOf('pull-files-threads');

    it('should find every thread once, in page order, keyed by its first comment', () => {
      expect(threads.map((thread) => thread.id)).toEqual([
        'discussion_r3068791673',
        'discussion_r3068795555',
        'discussion_r3069000300',
        'discussion_r3069000000',
        'discussion_r3069200000',
      ]);
      expect(threads.every((thread) => thread.layout === 'files')).toBe(true);
    });

    it('should read a multi-line thread with replies, without its reply composer', () => {
      expect(plain(byId(threads, 'discussion_r3068791673'))).toEqual({
        id: 'discussion_r3068791673',
        layout: 'files',
        path: 'src/auth/session.ts',
        range: { start: 42, startSide: 'R', end: 43, side: 'R' },
        hunk: SESSION_HUNK,
        ...OPEN,
        permalink: '#discussion_r3068791673',
        comments: SESSION_COMMENTS,
      });
    });

    it('should read a bot comment and turn its suggested change into diff lines', () => {
      expect(plain(byId(threads, 'discussion_r3068795555'))).toEqual({
        id: 'discussion_r3068795555',
        layout: 'files',
        path: 'src/auth/session.ts',
        // From its own heading, not from the check annotation that shares its row
        range: { start: 46, startSide: 'R', end: 46, side: 'R' },
        // 3 lines of context above the line, starting inside a block of additions
        hunk: [
          '@@ -43,2 +43,4 @@',
          "+    return res.redirect('/login?expired=1');",
          '   }',
          '   if (session.expired) {',
          "+    clearCookie(res, 'session_id');",
        ].join('\n'),
        ...OPEN,
        permalink: '#discussion_r3068795555',
        comments: [
          {
            id: 'discussion_r3068795555',
            author: 'Copilot',
            time: '2026-05-02T09:30:00Z',
            body: [
              'This repeats the call on line 42; clear the cookie once before the checks.',
              '',
              'Suggested change:',
              '',
              '```',
              "-    clearCookie(res, 'session_id');",
              '+    // the cookie was cleared above',
              '```',
            ].join('\n'),
          },
        ],
      });
    });

    it('should read a file-level thread (above the table) with no range and no hunk', () => {
      expect(plain(byId(threads, 'discussion_r3069000300'))).toEqual({
        id: 'discussion_r3069000300',
        layout: 'files',
        // From the heading's code, without its U+200E marks
        path: 'docs/login flow.md',
        range: null,
        hunk: '',
        ...OPEN,
        permalink: '#discussion_r3069000300',
        comments: [
          {
            id: 'discussion_r3069000300',
            author: 'dave',
            time: '2026-05-03T10:26:00Z',
            body: 'Please add a screenshot of the new notice.',
          },
        ],
      });
    });

    it('should read a thread on the old side of a split row, stopping the hunk at the removed line', () => {
      const thread = byId(threads, 'discussion_r3069000000');

      expect(thread.range).toEqual({ start: 12, startSide: 'L', end: 12, side: 'L' });
      expect(thread.hunk).toBe(CHANGELOG_HUNK);
      expect(thread.comments.map((comment) => comment.author)).toEqual(['dave']);
    });

    it('should read a resolved, collapsed thread on a renamed file', () => {
      expect(plain(byId(threads, 'discussion_r3069200000'))).toEqual({
        id: 'discussion_r3069200000',
        layout: 'files',
        // The collapse button's path: the heading shows both names of the rename
        path: 'src/auth/redirect.ts',
        range: { start: 8, startSide: 'R', end: 8, side: 'R' },
        hunk: [
          '@@ -6,3 +6,3 @@',
          ' ',
          ' /** Sends the browser to `to`. */',
          '-export function redirct(res, to) {',
          '+export function redirect(res, to) {',
        ].join('\n'),
        outdated: false,
        resolved: true,
        // Hidden, but in the page: nothing to fetch
        collapsed: false,
        permalink: '#discussion_r3069200000',
        comments: [
          {
            id: 'discussion_r3069200000',
            author: 'bob',
            time: '2026-05-01T14:58:00Z',
            body: 'Typo: `redirct`.',
          },
          {
            id: 'discussion_r3069200100',
            author: 'alice',
            time: '2026-05-01T16:40:00Z',
            body: 'Fixed in 4c1d2e3.',
          },
        ],
      });
    });

    it("should put the button in the first comment's header, else after the heading", () => {
      const anchors = threads.map(({ anchor }) => [
        anchor.position,
        anchor.element.getAttribute('data-testid') ?? anchor.element.localName,
      ]);

      expect(anchors).toEqual([
        ['prepend', 'comment-header-right-side-items'],
        ['prepend', 'comment-header-right-side-items'],
        // no header actions in this comment
        ['after', 'h2'],
        ['after', 'h2'],
        // the resolved thread's comments are hidden: its header stays visible
        ['after', 'h2'],
      ]);
      expect(threads[0]?.anchor.element.closest('#r3068791673')).not.toBeNull();
    });
  });

  describe('on the Conversation timeline', () => {
    const threads = threadsOf('pull-timeline-threads');

    it('should find every thread once, in page order, with the same ids as on the Files view', () => {
      const files = threadsOf('pull-files-threads').map((thread) => thread.id);

      expect(threads.map((thread) => thread.id)).toEqual([
        'discussion_r3069200000',
        'discussion_r3068791673',
        'discussion_r3068790000',
        'discussion_r3069000000',
        'discussion_r3069000300',
      ]);
      expect(threads.map((thread) => thread.id).filter((id) => files.includes(id))).toHaveLength(4);
      expect(threads.every((thread) => thread.layout === 'timeline')).toBe(true);
    });

    it('should read the range, hunk and replies of a thread, without the pending draft or the composer', () => {
      expect(plain(byId(threads, 'discussion_r3068791673'))).toEqual({
        id: 'discussion_r3068791673',
        layout: 'timeline',
        path: 'src/auth/session.ts',
        range: { start: 42, startSide: 'R', end: 43, side: 'R' },
        // The same text as on the Files view, from the mini diff's blob cells
        hunk: SESSION_HUNK,
        ...OPEN,
        permalink: '#discussion_r3068791673',
        comments: SESSION_COMMENTS,
      });
    });

    it('should read an outdated thread whose line is the last row of its mini diff', () => {
      expect(plain(byId(threads, 'discussion_r3068790000'))).toEqual({
        id: 'discussion_r3068790000',
        layout: 'timeline',
        path: 'src/auth/cookies.ts',
        range: { start: 30, startSide: 'L', end: 30, side: 'L' },
        hunk: [
          '@@ -28,3 +28,2 @@',
          ' export function clearCookie(res, name) {',
          '   res.clearCookie(name);',
          "-  log('cleared', name);",
        ].join('\n'),
        outdated: true,
        resolved: false,
        collapsed: false,
        permalink: '#discussion_r3068790000',
        comments: [
          {
            id: 'discussion_r3068790000',
            author: 'alice',
            time: '2026-05-02T10:05:00Z',
            body: 'Why drop the log line? Support uses it.',
          },
        ],
      });
    });

    it('should key a collapsed resolved thread by its oldest hidden comment and say where the rest is', () => {
      expect(plain(byId(threads, 'discussion_r3069200000'))).toEqual({
        id: 'discussion_r3069200000',
        layout: 'timeline',
        path: 'src/auth/redirect.ts',
        range: null,
        hunk: '',
        outdated: false,
        resolved: true,
        collapsed: true,
        deferredUrl: '/octo-org/hello-world/pull/7/threads/2596100000?rendering_on_files_tab=false',
        permalink: '#discussion_r3069200000',
        comments: [],
      });
    });

    it('should read the older details-based thread and a file-level thread', () => {
      const details = byId(threads, 'discussion_r3069000000');
      const fileLevel = byId(threads, 'discussion_r3069000300');

      expect(details).toMatchObject({ path: 'docs/login flow.md', hunk: CHANGELOG_HUNK, ...OPEN });
      expect(details.range).toEqual({ start: 12, startSide: 'L', end: 12, side: 'L' });
      expect(fileLevel).toMatchObject({ path: 'docs/login flow.md', range: null, hunk: '', ...OPEN });
      expect(fileLevel.comments.map((comment) => comment.body)).toEqual([
        'Please add a screenshot of the new notice.',
      ]);
    });

    it('should put the button after the file link in each header, collapsed threads included', () => {
      for (const { anchor } of threads) {
        expect(anchor.position).toBe('after');
        expect(anchor.element.matches('a.text-mono')).toBe(true);
      }
    });
  });

  describe('on the legacy Files tab', () => {
    const threads = threadsOf('pull-legacy-files-threads');

    it('should read a unified thread from the row above it, with both id forms', () => {
      expect(plain(byId(threads, 'discussion_r5001'))).toEqual({
        id: 'discussion_r5001',
        layout: 'legacy-files',
        // The file's own header, not the sticky copy that names the other file
        path: 'pom.xml',
        range: { start: 23, startSide: 'R', end: 23, side: 'R' },
        hunk: [
          '@@ -21,3 +21,3 @@',
          '     <dependency>',
          '       <artifactId>fastparse</artifactId>',
          '-      <version>1.4.0</version>',
          '+      <version>2.0.0</version>',
        ].join('\n'),
        ...OPEN,
        permalink: '#discussion_r5001',
        comments: [
          {
            id: 'discussion_r5001',
            author: 'dev-lead',
            time: '2026-02-03T09:15:00Z',
            body: 'Pin to 2.0.1: 2.0.0 has a memory leak.',
          },
          // `id="r5002"`: the older form of the same key
          { id: 'discussion_r5002', author: 'dev-user', time: '2026-02-03T11:40:00Z', body: 'Done.' },
        ],
      });
    });

    it('should read a resolved thread in the old half of a split row, and anchor it in the visible cell', () => {
      const thread = byId(threads, 'discussion_r5003');

      expect(plain(thread)).toMatchObject({
        path: 'src/main/java/Parser.java',
        range: { start: 19, startSide: 'L', end: 19, side: 'L' },
        hunk: '@@ -18,2 +18,1 @@\n   public Result parse(String input) {\n-    return FastParse.parse(input, true);',
        resolved: true,
        collapsed: false,
      });
      expect(thread.comments.map((comment) => [comment.id, comment.author])).toEqual([
        ['discussion_r5003', 'dev-lead'],
        ['discussion_r5004', 'dev-user'],
      ]);
      expect(thread.anchor.position).toBe('append');
      expect(thread.anchor.element.matches('td.line-comments')).toBe(true);
    });

    it("should put the button in the first comment's actions when they are visible", () => {
      const { anchor } = byId(threads, 'discussion_r5001');

      expect(anchor.position).toBe('prepend');
      expect(anchor.element.matches('#discussion_r5001 .timeline-comment-actions')).toBe(true);
    });
  });

  it.each<FixtureName>(['issue', 'pull', 'pull-fork', 'pull-legacy', 'issue-no-landmarks', 'pull-files'])(
    'should find no thread on %s',
    (name) => {
      expect(threadsOf(name)).toEqual([]);
    },
  );

  it('should give [] for unknown markup instead of guessing', () => {
    const doc = page(`
      <div class="review-thread"><div class="comment"><a href="/alice">alice</a><p>Looks odd</p></div></div>
      <review-thread-collapsible data-resolved="false"><a class="text-mono">src/a.ts</a></review-thread-collapsible>
      <div data-testid="review-thread"><div class="markdown-body"><p>No comment element, no id</p></div></div>`);

    expect(findReviewThreads(doc)).toEqual([]);
  });

  it('should skip threads inside a sticky header copy', () => {
    const thread = (id: string) => `
      <review-thread-collapsible class="review-thread-component">
        <div class="review-comment" id="discussion_r${id}"><a class="author" href="/a">a</a><div class="comment-body"><p>Hi</p></div></div>
      </review-thread-collapsible>`;
    const doc = page(
      `<div class="PullRequestViewer-module__stickyHeader--x1">${thread('1')}</div>${thread('2')}`,
    );

    expect(findReviewThreads(doc).map((found) => found.id)).toEqual(['discussion_r2']);
  });

  it('should report a thread shown twice (e.g. in a side panel) once', () => {
    const doc = loadFixture('pull-files-threads');
    const marker = doc.querySelector('[data-marker-id="PRRT_kwDOAbcd0A"]') as Element;
    doc.body.append(marker.cloneNode(true));

    const actual = findReviewThreads(doc).map((thread) => thread.id);

    expect(actual.filter((id) => id === 'discussion_r3068791673')).toHaveLength(1);
    expect(actual).toHaveLength(5);
  });

  it('should read a part of a page, such as one file', () => {
    const file = loadFixture('pull-files-threads').querySelector(
      '[class*="Diff-module__diffTargetable--Zz91x"]',
    );

    const actual = findReviewThreads(file as Element).map((thread) => [thread.id, thread.path]);

    expect(actual).toEqual([
      ['discussion_r3069000300', 'docs/login flow.md'],
      ['discussion_r3069000000', 'docs/login flow.md'],
    ]);
  });

  it('should fall back to GitHub’s thread id when no comment id is shown', () => {
    const doc = page(`
      <turbo-frame id="review-thread-or-comment-id-2596022521">
        <review-thread-collapsible class="review-thread-component" data-resolved="false">
          <a class="text-mono" href="/o/r/pull/1/files#diff-ab">src/app.ts</a>
          <div class="review-comment"><a class="author" href="/alice">alice</a><div class="comment-body"><p>Nit</p></div></div>
        </review-thread-collapsible>
      </turbo-frame>`);

    const [actual] = findReviewThreads(doc);

    expect(actual).toMatchObject({ id: 'thread-2596022521', path: 'src/app.ts', permalink: null });
    expect(actual?.comments).toEqual([{ id: '', author: 'alice', time: '', body: 'Nit' }]);
  });
});

describe('review threads whose comment is a React island (bot reviews)', () => {
  const threads = () => findReviewThreads(loadFixture('pull-react-automated'));

  it('should read every thread, the islands’ comments from their JSON or as GitHub rendered them', () => {
    const actual = threads().map(({ id, path, range, resolved, collapsed, comments }) => ({
      id,
      path,
      range,
      resolved,
      collapsed,
      comments: comments.map(({ id, author, body }) => ({ id, author, body })),
    }));

    expect(actual).toEqual([
      {
        id: 'discussion_r5100001',
        path: 'src/auth/session.ts',
        range: { start: 31, startSide: 'R', end: 31, side: 'R' },
        resolved: false,
        collapsed: false,
        comments: [
          {
            id: 'discussion_r5100001',
            author: 'copilot-pull-request-reviewer',
            body: 'Cached sessions never expire\n\nThe cache keeps a session after it was revoked: a user who logged out stays logged in until the process restarts. Store the expiry with the entry and check it on a hit.',
          },
        ],
      },
      {
        id: 'discussion_r5200001',
        path: 'src/auth/cache.ts',
        range: { start: 12, startSide: 'R', end: 14, side: 'R' },
        resolved: false,
        collapsed: false,
        comments: [
          {
            id: 'discussion_r5200001',
            author: 'github-code-quality',
            body: 'Unused variable\n\nThe variable stale is assigned but never used.\n\nRemove it & the import it needs.',
          },
        ],
      },
      {
        id: 'discussion_r5300001',
        path: 'src/auth/session.ts',
        range: null,
        resolved: false,
        collapsed: false,
        comments: [
          {
            id: 'discussion_r5300001',
            author: 'copilot-pull-request-reviewer',
            body: 'Log the cache size\n\nA counter of hits and misses would show whether the cache helps.',
          },
        ],
      },
      {
        id: 'discussion_r5400001',
        path: 'README.md',
        range: null,
        resolved: false,
        collapsed: false,
        comments: [{ id: 'discussion_r5400001', author: 'bob', body: 'Mention the cache in the README.' }],
      },
      {
        id: 'discussion_r5500001',
        path: 'src/auth/cache.ts',
        range: null,
        resolved: true,
        collapsed: true,
        comments: [],
      },
    ]);
  });

  it('should give a bot thread the same hunk and permalink as any other', () => {
    const [copilot] = threads();

    expect(copilot?.permalink).toBe('#discussion_r5100001');
    expect(copilot?.hunk).toContain('+  if (hit) return hit;');
  });
});

describe('findReviewThreadMarks', () => {
  it.each([
    'pull-files-threads',
    'pull-timeline-threads',
    'pull-legacy-files-threads',
    'pull-react-automated',
  ] as const)(
    'should place exactly the threads findReviewThreads reads on %s, with the same anchors',
    (name) => {
      const doc = loadFixture(name);
      const threads = findReviewThreads(doc);
      expect(threads.length).toBeGreaterThanOrEqual(2);
      expect(findReviewThreadMarks(doc)).toEqual(threads.map(({ id, anchor }) => ({ id, anchor })));
    },
  );

  it('should skip, as findReviewThreads does, a thread whose comments show neither author nor body', () => {
    const doc = page(`
      <turbo-frame id="review-thread-or-comment-id-2596022521">
        <review-thread-collapsible class="review-thread-component" data-resolved="false">
          <a class="text-mono" href="/o/r/pull/1/files#diff-ab">src/app.ts</a>
          <div class="review-comment"><div class="comment-body"> </div></div>
        </review-thread-collapsible>
      </turbo-frame>`);
    expect(findReviewThreads(doc)).toEqual([]);
    expect(findReviewThreadMarks(doc)).toEqual([]);
  });

  it('should find nothing where no thread is', () => {
    expect(findReviewThreadMarks(loadFixture('pull'))).toEqual([]);
  });
});
