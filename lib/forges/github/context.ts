import { readPrBranches } from '@/lib/forges/github/branches';
import { oneLineText, queryFirst } from '@/lib/forges/github/dom';
import { type GitHubPage, type GitHubUrlOptions, parseGitHubPage } from '@/lib/forges/github/page';
import { fallbackTitles, issueBodies, prBodies, titles } from '@/lib/forges/github/selectors';
import { renderedText } from '@/lib/forges/github/text';
import { parseDocumentTitle } from '@/lib/forges/github/title';
import type { PageContext } from '@/lib/forges/page-data';

/*
 * Plain types and functions only: this module is in the GitHub content script, which must not bundle zod.
 * The matching zod schemas (for tests and anything that receives a context as data) are in context-schema.ts.
 */

/** GitHub's `og:url` has the repository's canonical casing; use it when it names the same page. */
function canonicalPage(doc: Document, page: GitHubPage, options: GitHubUrlOptions): GitHubPage {
  const ogUrl = doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  const og = parseGitHubPage(ogUrl, options);
  const same = (a: GitHubPage) => `${a.kind}/${a.owner}/${a.repo}/${a.number}`.toLowerCase();
  return og && same(og) === same(page) ? { ...page, owner: og.owner, repo: og.repo } : page;
}

function readTitle(doc: Document, page: GitHubPage): string {
  const fromPage = oneLineText(queryFirst(doc, titles));
  if (fromPage) return fromPage;
  const fromDocument = parseDocumentTitle(doc.title);
  if (fromDocument?.kind === page.kind && fromDocument.number === page.number) return fromDocument.title;
  // Unknown markup: a heading like "Title #42", or the React view's "Title - #42" (an sr-only suffix)
  return oneLineText(queryFirst(doc, fallbackTitles)).replace(
    new RegExp(`\\s*(?:-\\s*)?#${page.number}$`),
    '',
  );
}

/** GitHub's placeholder for an empty description. */
const NO_DESCRIPTION = /^no description provided\.?$/i;

function readBody(doc: Document, page: GitHubPage): string {
  const element = queryFirst(doc, page.kind === 'issue' ? issueBodies : prBodies);
  const text = element ? renderedText(element) : '';
  return NO_DESCRIPTION.test(text) ? '' : text;
}

/**
 * Reads the issue or PR on `doc` (React view first, Primer/legacy fallbacks, then `document.title` and `url`).
 * @throws {TypeError} when `url` is not an issue or PR page (gate with `parseGitHubPage` first).
 */
export function extractPageContext(
  doc: Document,
  url: string | URL,
  options: GitHubUrlOptions = {},
): PageContext {
  const parsed = parseGitHubPage(url, options);
  if (!parsed) throw new TypeError(`Not a GitHub issue or pull request page: ${String(url)}`);
  const page = canonicalPage(doc, parsed, options);
  const repository = `${page.owner}/${page.repo}`;
  const path = page.kind === 'issue' ? 'issues' : 'pull';
  const common = {
    owner: page.owner,
    repo: page.repo,
    repository,
    number: page.number,
    title: readTitle(doc, page),
    url: `${new URL(url).origin}/${repository}/${path}/${page.number}`,
    body: readBody(doc, page),
  };
  if (page.kind === 'issue') return { kind: 'issue', ...common };
  const pr = readPrBranches(doc, repository);
  return { kind: 'pull', ...common, ...(pr && { pr }) };
}
