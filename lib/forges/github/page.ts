import { isIssue, isPR, isPRCommitList, isPRConversation, isPRFiles, utils } from 'github-url-detection';
import type { PageKind, PrTab } from '@/lib/forges/forge';
import { isGitHubHost } from '@/lib/forges/github/hosts';
import { isRepositoryName } from '@/lib/forges/github/repository-name';

/** An issue or pull-request page. `tab` is set for known PR tabs only (never for issues). */
export type GitHubPage = { kind: PageKind; owner: string; repo: string; number: number; tab?: PrTab };

export type GitHubUrlOptions = {
  /** Hosts to treat as GitHub (Enterprise) besides github.com; none by default (see `isGitHubHost`). */
  enterpriseHosts?: readonly string[];
};

/** Top-level paths that github-reserved-names (used by `isRepo`) misses, so they aren't read as owners. */
const EXTRA_RESERVED = new Set(['models', 'codesearch', 'solutions', 'premium-support', 'integrations']);

function toGitHubUrl(input: string | URL, options: GitHubUrlOptions): URL | null {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  const isWeb = url.protocol === 'https:' || url.protocol === 'http:';
  return isWeb && isGitHubHost(url.hostname, options.enterpriseHosts) ? url : null;
}

function readRepository(url: URL) {
  const info = utils.getRepositoryInfo(url);
  if (!info || EXTRA_RESERVED.has(info.owner.toLowerCase())) return undefined;
  return isRepositoryName(info.nameWithOwner) ? info : undefined;
}

/** `isIssue` also reads `document.title` (deleted issues); service workers have no document. */
function looksLikeIssue(url: URL, path: string): boolean {
  return typeof document === 'undefined' ? /^issues\/\d+/.test(path) : isIssue(url);
}

function prTab(url: URL, pathParts: readonly string[]): PrTab | undefined {
  if (isPRConversation(url)) return 'conversation';
  // Checked before `isPRFiles`, which also matches single-commit pages (`/commits/<sha>`)
  if (isPRCommitList(url) || pathParts[2] === 'commits') return 'commits';
  if (isPRFiles(url)) return 'files';
  return pathParts[2] === 'checks' ? 'checks' : undefined;
}

/**
 * Reads an issue or PR page from its URL; `null` for anything else (repo home, lists, `/pull/new`, other sites).
 * @example parseGitHubPage('https://github.com/octo-org/hello-world/pull/7/files')
 *   // { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'files' }
 */
export function parseGitHubPage(input: string | URL, options: GitHubUrlOptions = {}): GitHubPage | null {
  const url = toGitHubUrl(input, options);
  const info = url && readRepository(url);
  if (!url || !info) return null;
  const id = info.pathParts[1] ?? '';
  const number = Number(id);
  // `isIssue`/`isPR` accept `/issues/42abc` and `/pull/7.diff`; only plain positive numbers are pages
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(number) || number < 1) return null;
  const page = { owner: info.owner, repo: info.name, number };
  if (info.pathParts.length === 2 && looksLikeIssue(url, info.path)) return { kind: 'issue', ...page };
  if (!isPR(url)) return null;
  const tab = prTab(url, info.pathParts);
  return tab ? { kind: 'pull', ...page, tab } : { kind: 'pull', ...page };
}

/**
 * `owner/repo` of any repository page (code, issues, PRs, settings…), else `null` (profiles, settings,
 * marketplace, other sites). Used to pre-fill the repository when sending selected text.
 */
export function repositoryFromUrl(input: string | URL, options: GitHubUrlOptions = {}): string | null {
  const url = toGitHubUrl(input, options);
  const info = url && readRepository(url);
  // Clone URLs (`…/repo.git`) name the same repository
  const repository = info?.nameWithOwner.replace(/\.git$/i, '');
  return repository && isRepositoryName(repository) ? repository : null;
}
