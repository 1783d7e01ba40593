import type { PageKind } from '@/lib/forges/forge';

/**
 * `/owner/repo/issues/N` or `/owner/repo/pull/N[/tab…]`, with GitHub's rules for owner and repository names
 * (REPOSITORY_PATTERN) and without `/pull/N/conflicts`. github-url-detection answers the same for github.com
 * (lib/forges/github/page.ts, which the on-demand UI uses for the full parse), but its list of reserved names costs
 * 1.7 KB gzip on every GitHub page; a unit test keeps the two in step on a table of URLs.
 */
const PAGE = /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/(?:issues\/(\d+)\/?|pull\/(\d+)(?:\/(?!conflicts).*)?)$/;

/** Whether a github.com path is an issue or a pull request page (any PR tab), and which. */
export function pageKindOf(pathname: string): PageKind | null {
  const match = PAGE.exec(pathname);
  const number = Number(match?.[1] ?? match?.[2]);
  if (!match || number < 1 || !Number.isSafeInteger(number)) return null;
  return match[1] ? 'issue' : 'pull';
}
