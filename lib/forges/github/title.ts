import type { PageKind } from '@/lib/forges/forge';

export type DocumentTitle = { kind: PageKind; title: string; number: number; repository: string };

// GitHub separates title parts with " · " (U+00B7). The repository is the part after the number.
const ISSUE = /^(?<title>.*) · Issue #(?<number>\d+) · (?<repository>[^\s/·]+\/[^\s/·]+)(?: · .*)?$/;
// PR titles end with "by <login>"; logins have no spaces, so the lazy title stops at the last " by <login>"
const PULL =
  /^(?<title>.*?)(?: by [^\s·]+)? · Pull Request #(?<number>\d+) · (?<repository>[^\s/·]+\/[^\s/·]+)(?: · .*)?$/;

/**
 * Reads GitHub's `document.title`, the last fallback for the title.
 * @example parseDocumentTitle('Add feature by user · Pull Request #7 · owner/repo · GitHub')
 *   // { kind: 'pull', title: 'Add feature', number: 7, repository: 'owner/repo' }
 */
export function parseDocumentTitle(documentTitle: string): DocumentTitle | null {
  const text = documentTitle.replace(/\s+/g, ' ').trim();
  const issue = ISSUE.exec(text)?.groups;
  const pull = issue ? undefined : PULL.exec(text)?.groups;
  const groups = issue ?? pull;
  if (!groups?.title || !groups.number || !groups.repository) return null;
  return {
    kind: issue ? 'issue' : 'pull',
    title: groups.title.trim(),
    number: Number(groups.number),
    repository: groups.repository,
  };
}
