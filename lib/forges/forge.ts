import type { PageContext, ReviewActivity, ReviewThread, ThreadMark } from '@/lib/forges/page-data';

/*
 * THE FORGE SEAM: what the extension needs from a code forge, in four parts by where it runs. GitHub is the
 * first implementation (lib/forges/github/); the registry of forges for code that reads addresses is
 * lib/forges/forges.ts. Adding a forge is a folder that implements these four, a row in the registry, and its
 * entrypoints (the resident and the UI bundle are compiled per forge: the resident's size and cost are paid on
 * every page view, so it takes its forge at compile time, not from a registry).
 *
 * - `Forge`: from addresses alone (background, extension pages, the domain): which item an address shows,
 *   the repository it is in, an item's address, and the name OpenHands gives the forge (`git_provider`).
 * - `ForgePages`: from a page's DOM, in the on-demand UI bundle: the item's context, review threads, review
 *   activity (the types they yield are in page-data.ts).
 * - `ForgeResident`: what the resident script needs on every page view: a cheap URL gate and where the button
 *   goes.
 * - `ForgeThreads`: what the review threads' "Ask OpenHands" buttons need, in a small bundle of their own that
 *   the resident asks for when a pull request shows threads (the full UI loads at the first click).
 */

/** The forges the extension knows. */
export type ForgeId = 'github';

export type PageKind = 'issue' | 'pull';
/** A pull request's tab, when the address names a known one. */
export type PrTab = 'conversation' | 'files' | 'commits' | 'checks';

/** An issue or pull request, as its address names it. */
export type ForgeItem = {
  forge: ForgeId;
  kind: PageKind;
  owner: string;
  repo: string;
  /** `owner/repo`, as the address spells it. */
  repository: string;
  number: number;
  /** Set for a pull request's known tabs only. */
  tab?: PrTab;
};

export interface Forge {
  readonly id: ForgeId;
  /** The forge's name in user-facing text. */
  readonly name: string;
  /** OpenHands' `git_provider` for repositories on this forge. */
  readonly provider: string;
  /** Whether an address is on this forge at all (its item pages or not). */
  isOn(url: URL): boolean;
  /** The issue or pull request an address shows (any tab of a pull request), else null. */
  itemOf(url: string | URL): ForgeItem | null;
  /** `owner/repo` of any address inside a repository, else null. */
  repositoryOf(url: string | URL): string | null;
  /** The web address of an item. */
  itemUrl(repository: string, kind: PageKind, number: number): string;
}

export interface ForgePages {
  /** Reads the issue or pull request on `doc`, at `url` (an item page: check with `Forge.itemOf` first). */
  readContext(doc: Document, url: string): PageContext;
  /** Every review thread inside `root`, in document order. */
  reviewThreads(root: ParentNode): ReviewThread[];
  /** A pull request's review activity on its page (what "Send new review comments" sends). */
  reviewActivity(root: ParentNode): ReviewActivity[];
  /** Selectors of review threads, and of the containers new threads appear in (watched while the page lives). */
  readonly threadSelectors: { threads: readonly string[]; roots: readonly string[] };
}

export interface ForgeThreads {
  /** Whether an address's path is an item page, and which kind (as `ForgeResident.pageKindOf`). */
  pageKindOf(pathname: string): PageKind | null;
  /** The ids of review threads inside `root` and where a control for each goes: cheaper than `reviewThreads`. */
  reviewThreadMarks(root: ParentNode): ThreadMark[];
  /** Selectors of review threads, and of the containers new threads appear in (as `ForgePages.threadSelectors`). */
  readonly threadSelectors: { threads: readonly string[]; roots: readonly string[] };
}

export type AnchorPosition = 'prepend' | 'append' | 'before' | 'after';
/** `actions`: the header actions; `legacy`: an older layout's actions; `fallback`: no known landmark yet. */
export type AnchorKind = 'actions' | 'legacy' | 'fallback';
/** Where the button goes. */
export type ButtonAnchor = { element: Element; position: AnchorPosition; kind: AnchorKind };

export interface ForgeResident {
  /** Whether an address's path is an item page, and which kind: runs on every page view, so no parsing library. */
  pageKindOf(pathname: string): PageKind | null;
  /** Where the "Send to OpenHands" button goes on an item page of `kind`; null before the page has a place. */
  findButtonAnchor(doc: Document, kind: PageKind): ButtonAnchor | null;
  /** The page's sticky copies of the header: a second button there would be a duplicate. */
  readonly stickyHeaders: readonly string[];
  /** Selectors whose insertion may call for the button (re-)mounted. */
  readonly landmarks: readonly string[];
  /** Selectors of review threads: the resident loads the UI bundle when one shows. */
  readonly reviewThreads: readonly string[];
}
