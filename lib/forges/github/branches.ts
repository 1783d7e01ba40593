import { oneLineText, queryFirst, queryStatic } from '@/lib/forges/github/dom';
import { isRepositoryName } from '@/lib/forges/github/repository-name';
import {
  headBranchCopyButtons,
  legacyBaseRefs,
  legacyHeadRefs,
  prBranchLinks,
} from '@/lib/forges/github/selectors';
import type { PrBranches } from '@/lib/forges/page-data';

type Reference = { repository: string; branch: string };

/** `owner/repo:branch`; branch names may contain `/` and `#` but never `:` or spaces (git forbids them). */
const ABSOLUTE = /^(?<repository>[^/:\s]+\/[^/:\s]+):(?<branch>\S+)$/;
/** Branch links point to `/owner/repo/tree/<branch>`. */
const TREE_PATH = /^\/(?<owner>[^/]+)\/(?<name>[^/]+)\/tree\/(?<branch>.+)$/;

/** The absolute ref, in the link's `title` or in the element after it (a tooltip or screen-reader text). */
function absoluteReference(link: Element): Reference | undefined {
  for (const text of [link.getAttribute('title'), link.nextElementSibling?.textContent]) {
    const groups = ABSOLUTE.exec((text ?? '').trim())?.groups;
    if (groups?.repository && groups.branch) return { repository: groups.repository, branch: groups.branch };
  }
  return undefined;
}

function hrefReference(link: Element): Reference | undefined {
  const href = (link.closest('a[href]') ?? link.querySelector('a[href]'))?.getAttribute('href');
  try {
    const groups = TREE_PATH.exec(new URL(href ?? '', 'https://github.com').pathname)?.groups;
    if (!groups?.owner || !groups.name || !groups.branch) return undefined;
    const branch = decodeURIComponent(groups.branch);
    return { repository: `${decodeURIComponent(groups.owner)}/${decodeURIComponent(groups.name)}`, branch };
  } catch {
    return undefined;
  }
}

/** Absolute ref first; else the visible `branch` / `owner:branch` with the repository from the link. */
function readReference(link: Element, pageRepository: string): Reference | undefined {
  const absolute = absoluteReference(link);
  if (absolute) return absolute;
  const href = hrefReference(link);
  const text = oneLineText(link);
  const [owner, branch] = text.includes(':') ? text.split(/:(.*)/) : [undefined, text];
  const relative = branch && !/\s/.test(branch) ? branch : href?.branch;
  // Without a link, assume the fork kept the repository's name (GitHub's default)
  const repository =
    href?.repository ?? (owner ? `${owner}/${pageRepository.split('/')[1]}` : pageRepository);
  return relative ? { repository, branch: relative } : undefined;
}

/** The head link just before the head branch's copy button (`a:has(~ [aria-label=…])` without `:has`). */
function linkBeforeCopyButton(doc: Document): Element | undefined {
  let sibling = queryFirst(doc, headBranchCopyButtons)?.previousElementSibling;
  while (sibling && sibling.localName !== 'a') sibling = sibling.previousElementSibling;
  return sibling ?? undefined;
}

function findBranchLinks(doc: Document): { base?: Element; head?: Element } {
  const [base, head] = queryStatic(doc, prBranchLinks.join(', '));
  if (head) return { base, head };
  const copied = linkBeforeCopyButton(doc);
  if (copied) return { head: copied };
  return { base: queryFirst(doc, legacyBaseRefs), head: queryFirst(doc, legacyHeadRefs) };
}

/**
 * Reads the PR's head (and base) from the non-sticky header: React summary links, then the head's copy
 * button, then legacy `.head-ref`/`.base-ref`. `undefined` when no head branch is shown.
 */
export function readPrBranches(doc: Document, pageRepository: string): PrBranches | undefined {
  const links = findBranchLinks(doc);
  const head = links.head && readReference(links.head, pageRepository);
  if (!head || !isRepositoryName(head.repository)) return undefined;
  const base = links.base && readReference(links.base, pageRepository);
  return {
    headRepository: head.repository,
    headBranch: head.branch,
    ...(base && { baseBranch: base.branch }),
    isFork: head.repository.toLowerCase() !== pageRepository.toLowerCase(),
  };
}
