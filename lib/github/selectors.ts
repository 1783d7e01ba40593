/**
 * GitHub landmarks as ordered fallback lists: current React markup first, Primer next, legacy (older GitHub
 * Enterprise Server) last. Never use a full hashed class (`…--Gf9W9`): match the CSS-module prefix instead.
 * Evidence and history: /work/shared/reference/github-pages.md. Counts per fixture: tests/unit/lib/github.
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
