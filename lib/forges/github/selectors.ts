/**
 * GitHub landmarks as ordered fallback lists: current React markup first, Primer next, legacy (older GitHub
 * Enterprise Server) last. Never use a full hashed class (`…--Gf9W9`): match the CSS-module prefix instead.
 * What each fixture imitates: tests/fixtures/github/README.md. Counts per fixture:
 * tests/unit/lib/forges/github/selectors.test.ts.
 */

/** GitHub renders issue and PR headers twice; anything inside these is the sticky copy, which we skip. */
export const stickyHeaders = [
  // React issue and PR views: the sticky header wrapper (`…-module__stickyHeader--<hash>`)
  'div[class*="stickyHeader"]',
  // React PR view: the compact sticky bar
  '[class*="StickyPullRequestHeader"]',
  // React issue view: the sticky metadata row
  '[data-testid="issue-metadata-sticky"]',
  // TODO [2027-01-01]: drop — legacy sticky header (older GHE)
  '.gh-header-sticky',
];

/** React PR header: the "Code" button. */
export const prCodeButtons = ['button[class*="PullRequestCodeButton"]'];

/**
 * React PR header: the row that holds the "Code" button (refined-github prepends to the button's parent).
 * Scoped to `div`: an unscoped `:has()` tests every element and costs tens of ms on large pages.
 */
export const prActionsRow = prCodeButtons.map((button) => `div:has(> ${button})`);

/** React issue view: the desktop action menu (Edit, New issue); the narrow-layout copy is outside PH_Actions. */
export const issueActionsMenu = [
  '[data-component="PH_Actions"] [class*="HeaderMenu-module__menuActionsContainer"]',
];

/** Primer PageHeader's actions slot: any React header (PR files tab, future views). */
export const primerHeaderActions = ['[data-component="PH_Actions"]'];

/**
 * React PR header (2026): the title's row. Signed out, the actions slot is there but empty and `d-none`
 * (../shared/github-real/pr-conversation-react-*): the button goes at the end of the title's row instead.
 */
export const prTitleRows = ['[class*="PullRequestHeader-module__titleWithAction"]'];

/**
 * Hidden for good by GitHub's own markup: a landmark inside one is no place for the button. `d-none` with a
 * breakpoint class (`d-none d-md-flex`) is hidden only on narrow screens, so it does not count.
 */
export const hiddenContainers = [
  '[hidden]',
  '.d-none:not([class*="d-sm-"]):not([class*="d-md-"]):not([class*="d-lg-"]):not([class*="d-xl-"])',
];

export const legacyHeaderActions = [
  // TODO [2027-01-01]: drop — legacy issue and PR header (older GHE)
  '.gh-header-actions',
];

/** Where the button goes on an issue page, best first. */
export const issueHeaderActions = [...issueActionsMenu, ...primerHeaderActions, ...legacyHeaderActions];

/** Where the button goes on a PR page, best first. */
export const prHeaderActions = [...prActionsRow, ...primerHeaderActions, ...legacyHeaderActions];

/** Headings to put the button after when no actions landmark exists, best first. */
export const fallbackTitles = [
  // Primer PageHeader title (React issue and PR views)
  'h1[data-component="PH_Title"]',
  'h1[class*="prc-PageHeader-Title-"]',
  // TODO [2027-01-01]: drop — legacy header title
  'h1.gh-header-title',
  // Unknown markup: the main content's first heading
  'main h1',
  '[role="main"] h1',
];

/** Containers whose top gets the button when there is not even a heading. */
export const fallbackContainers = ['main', '[role="main"]', 'body'];

/** The issue or PR title text (without the `#N`), best first. */
export const titles = [
  // React issue view
  '[data-testid="issue-title"]',
  // React PR header (all tabs)
  'h1[class*="prc-PageHeader-Title-"] .markdown-title',
  // Any Primer PageHeader title
  '[data-component="TitleArea"] .markdown-title',
  // TODO [2027-01-01]: drop — legacy header title
  '.gh-header-title .js-issue-title',
];

/** The rendered issue description, best first. */
export const issueBodies = [
  // React issue view: the opening comment
  '.react-issue-body .markdown-body',
  '[data-testid="issue-body"] [data-testid="markdown-body"]',
  // TODO [2027-01-01]: drop — legacy issue timeline (older GHE): the first comment is the description
  '.js-discussion .js-comment-body',
  // Unknown markup: the first rendered markdown on the page
  '[data-testid="markdown-body"]',
  '.markdown-body',
];

/** The rendered PR description, best first. Absent on the files, commits and checks tabs. */
export const prBodies = [
  // PR conversation tab (server-rendered timeline, also on GHE)
  '.js-command-palette-pull-body .js-comment-body',
  // TODO [2027-01-01]: drop — older timelines: the first comment is the description
  '.js-discussion .js-comment-body',
];

/** React PR header: branch links in the summary row; first = base, second = head (per header copy). */
export const prBranchLinks = ['[class*="PullRequestHeaderSummary"] a[class*="PullRequestBranchName"]'];

/** The head branch's copy button; the head link is the `a` just before it (static and sticky copies). */
export const headBranchCopyButtons = ['[aria-label="Copy head branch name to clipboard"]'];

export const legacyBaseRefs = [
  // TODO [2027-01-01]: drop — legacy header and legacy PR files view (`title` = `owner/repo:branch`)
  '.base-ref',
];

export const legacyHeadRefs = [
  // TODO [2027-01-01]: drop — legacy header and legacy PR files view (`title` = `owner/repo:branch`)
  '.head-ref',
];

/*
 * Review threads (PR Files/Changes tab and Conversation timeline). Evidence for every entry: the
 * tests/fixtures/github/*-threads.html fixtures; counts per fixture: selectors.test.ts.
 */

/** One review thread, in document order; the first entry per layout. */
export const reviewThreads = [
  // React Files/Changes view (2025-06+): the comment list; its thread is the closest `reviewThreadContainers`
  '[data-testid="review-thread"]',
  // Timeline (Apr 2026+): `<review-thread-collapsible class="review-thread-component …">`
  'review-thread-collapsible',
  // TODO [2027-01-01]: drop — timeline until Feb 2026 and older GHE
  'details.review-thread-component',
  // TODO [2027-01-01]: drop — legacy Files tab (older GHE): one cell per side of an inline-comments row
  'tr.inline-comments > td.line-comments',
];

/** React Files view: the element around `[data-testid="review-thread"]` that also holds its heading. */
export const reviewThreadContainers = [
  // The focusable marker (its id is the thread's `PRRT_…` node id)
  '[data-marker-id]',
  '[class*="InlineReviewThread-module__ReviewThreadContainer"]',
];

/** React Files view: "Comment on line R52" / "Comment on lines R444 to R446" (file-level threads have none). */
export const reviewThreadHeadings = [
  'h2[class*="InlineReviewThread-module__inlineReviewThreadHeading"]',
  '[data-marker-id] h2',
];

/** Timeline: the commented range, `+12` / `-30` (a sign per side), above the mini diff. */
export const reviewThreadRangeStarts = ['.js-multi-line-preview-start'];
export const reviewThreadRangeEnds = ['.js-multi-line-preview-end'];
export const reviewThreadSingleLines = ['.js-single-line-preview'];

/**
 * A review comment GitHub renders from a React island (Copilot, code-quality and other bot reviews): the served
 * page holds the comment only in the island's JSON (lib/forges/github/automated-comment.ts).
 */
export const automatedReviewComments = ['react-partial[partial-name="automated-review-comment"]'];

/** A submitted comment of a thread; composers, pending drafts and check annotations are no comments. */
export const reviewComments = [
  // React: the reply composer carries an id too, and `data-marker-navigation-thread-reply`
  '[data-marker-navigation-comment-id]:not([data-marker-navigation-thread-reply])',
  // Timeline and legacy Files tab; a pending comment is the viewer's unsubmitted draft
  '.review-comment:not(.js-pending-review-comment)',
  // A bot's comment as an island, also where no `.review-comment` wraps it
  ...automatedReviewComments,
];

/** Who wrote a comment, best first. */
export const commentAuthors = [
  // React Files view
  'a[class*="ActivityHeader-module__AuthorName"]',
  // Timeline, legacy, review headers (exactly one per comment)
  'a.author',
  // React: the avatar link (href `/login` or `/apps/<bot>`)
  'a[data-testid="avatar-link"]',
];

/** A comment's rendered body. */
export const commentBodies = ['.comment-body', '.markdown-body'];

/** The timeline's file link in a thread header: its text is the path (the href holds only a hash). */
export const threadHeaderPaths = ['a.text-mono', 'a[href*="#diff-"]'];

/** One file of the Files tab: the scope for reading its path. */
export const diffFiles = [
  '[class*="Diff-module__diffTargetable"]',
  // TODO [2027-01-01]: drop — legacy Files tab
  'copilot-diff-entry',
  '.file.js-file',
];

/** The path of a file on the Files tab, best first; `readDiffPath` knows which attribute each one carries. */
export const diffFilePaths = [
  // React: `aria-label="Diff for: <path>"`
  'table[data-diff-anchor][aria-label^="Diff for: "]',
  // React: the header's collapse button (also on renamed files, which show both names in the heading)
  'button[data-file-path]',
  // React: the heading's text, wrapped in U+200E marks
  '[class*="DiffFileHeader-module__file-name"] code',
  // TODO [2027-01-01]: drop — legacy Files tab (skip the native sticky copy)
  '.file-header[data-path]:not(.sticky-file-header)',
  'copilot-diff-entry[data-file-path]',
];

/** A diff table: the React file table, or the timeline's mini diff and legacy tables. */
export const diffTables = ['table[data-diff-anchor]', 'table.diff-table'];

/** A top-level review (its body, when it has one), keyed `pullrequestreview-N`. */
export const reviewSummaries = ['[id^="pullrequestreview-"]'];

/** One item of the Conversation timeline (a review with its threads, a comment, an event). */
export const timelineItems = ['.js-timeline-item'];

/** Status labels of a thread header ("Outdated", "Resolved"), compared by their exact text. */
export const threadLabels = ['.Label', '[class*="prc-Label-Label"]'];

/** Where a comment's own buttons sit (the per-thread button goes first in the thread's first comment). */
export const commentHeaderActions = [
  // React Files view, next to the kebab
  '[data-testid="comment-header-right-side-items"]',
  // TODO [2027-01-01]: drop — legacy Files tab
  '.timeline-comment-actions',
];

/** Timeline: the "Resolve conversation" form (its action holds the thread id). */
export const threadResolveForms = ['form.js-resolvable-timeline-thread-form', 'form[action$="/resolve"]'];

/** The parts of a PR page that hold review threads: watched for late-rendered diffs and threads. */
export const reviewThreadRoots = [
  // React Files/Changes view; its diffs load progressively
  '#diff-comparison-viewer-container',
  // Conversation timeline
  '.js-discussion',
  // TODO [2027-01-01]: drop — legacy Files tab
  '#files',
];
