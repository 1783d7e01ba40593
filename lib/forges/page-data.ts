/*
 * What a forge's pages yield, whichever forge: the item's context, its review threads and review activity.
 * Forge implementations (lib/forges/github/) read them from the DOM; prompts (lib/prompts/) and the UI bundle
 * read them. Plain types, no zod: the GitHub bundles use them; the zod schemas for tests are in
 * tests/support/context-schema.ts.
 */

type CommonFields = {
  owner: string;
  repo: string;
  /** `owner/repo`, in the canonical casing the page shows (GitHub: `og:url`) when it has one. */
  repository: string;
  number: number;
  /** Without the `#N`; '' only when neither the page nor `document.title` shows it. */
  title: string;
  /** Canonical: no query, hash or PR tab, e.g. `https://github.com/owner/repo/pull/7`. */
  url: string;
  /** Rendered description as text; '' when empty or not shown (a PR's files tab). */
  body: string;
};

/** A PR's head and base as read from the page. `baseBranch` is missing when the view doesn't show it. */
export type PrBranches = { headRepository: string; headBranch: string; baseBranch?: string; isFork: boolean };

export type IssueContext = { kind: 'issue' } & CommonFields;
export type PullContext = {
  kind: 'pull';
  /** The head and base, present only when the page shows the head branch. `undefined`: send no branch and let
   * the agent fetch `pull/N/head`. */
  pr?: PrBranches;
} & CommonFields;
/** The issue or pull request a page shows, as a start's prompt reads it. */
export type PageContext = IssueContext | PullContext;

/** `L`: the old (base) version; `R`: the new (head) version, as in GitHub's "Comment on line R52". */
export type DiffSide = 'L' | 'R';

/** Lines of a range: `start`/`startSide` to `end`/`side` (GitHub's `start_side` and `side`). */
export type LineRange = { start: number; startSide: DiffSide; end: number; side: DiffSide };

/** `files`: a Files/Changes view; `timeline`: the Conversation tab; `legacy-files`: an older Files tab. */
export type ThreadLayout = 'files' | 'timeline' | 'legacy-files';

/**
 * Where a per-thread button goes, relative to `element`. On GitHub's timeline it sits in the thread's header
 * bar, which collapses the thread on click (and inside a `<summary>` on older markup): the button's handler
 * must call `preventDefault()` and `stopPropagation()`. The React view stops click propagation, so listen on
 * the button.
 */
export type ThreadAnchor = { element: Element; position: 'prepend' | 'append' | 'before' | 'after' };

/** A thread's id and where a control for it goes (a `ReviewThread` is one too). */
export type ThreadMark = { id: string; anchor: ThreadAnchor };

export type ThreadComment = {
  /** `discussion_r123` (the same on every layout); '' when the page shows none. */
  id: string;
  author: string;
  /** ISO 8601 as the forge gives it, '' when not shown. */
  time: string;
  /** The rendered text; suggested changes become `-`/`+` lines. */
  body: string;
};

export type ReviewThread = {
  /** `discussion_r<first comment>` whenever a comment id is known (the same thread on every tab), else `thread-<the forge's thread id>`. */
  id: string;
  layout: ThreadLayout;
  anchor: ThreadAnchor;
  /** The file's path; null when the page doesn't show it. */
  path: string | null;
  /** null for a comment on the whole file (or when no line can be read). */
  range: LineRange | null;
  /** The diff lines shown with the thread, as unified diff; '' when none. */
  hunk: string;
  /** The lines belong to an earlier commit of the PR. */
  outdated: boolean;
  resolved: boolean;
  /** The page holds only the thread's header (a collapsed resolved thread): GET `deferredUrl` for the rest. */
  collapsed: boolean;
  deferredUrl?: string;
  /** Relative to the PR's URL, e.g. `#discussion_r123`; null when no comment id is known. */
  permalink: string | null;
  /** Submitted comments, oldest first: no composers, pending drafts, annotations or sticky copies. */
  comments: ThreadComment[];
};

export type ReviewState = 'approved' | 'changes_requested' | 'commented';

/** A review's top-level body ("approved these changes" + text). */
export type ReviewSummaryActivity = {
  kind: 'review';
  /** `pullrequestreview-N`, also the anchor of its permalink. */
  id: string;
  author: string;
  /** ISO 8601, '' when not shown. */
  time: string;
  body: string;
  /** Read from the header's verb; absent when the wording is unknown. */
  state?: ReviewState;
};

/** One comment of a review thread. */
export type ReviewCommentActivity = {
  kind: 'comment';
  /** `discussion_rN`, also the anchor of its permalink. */
  id: string;
  author: string;
  time: string;
  body: string;
  /** The id of the thread (`ReviewThread.id`), to group comments by thread. */
  threadId: string;
  path: string | null;
  range: LineRange | null;
  /** Not the first comment of its thread. */
  isReply: boolean;
  outdated: boolean;
  resolved: boolean;
};

/** The review activity of a PR's page: what "Send new review comments" sends, by id. */
export type ReviewActivity = ReviewSummaryActivity | ReviewCommentActivity;

/** The items of `activity` whose ids are not in `sentIds` (what was sent to the conversation before). */
export function newSince(activity: readonly ReviewActivity[], sentIds: Iterable<string>): ReviewActivity[] {
  const sent = new Set(sentIds);
  return activity.filter((item) => !sent.has(item.id));
}
