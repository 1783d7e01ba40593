import { repositoryFromUrl } from '@/lib/forges/github/page';

/**
 * The repository to pre-fill for text selected on `pageUrl`: the page's own repository on GitHub, else the
 * last one used (`recent` is most recent first), else nothing.
 */
export function inferRepository(pageUrl: string, recent: readonly string[]): string {
  return repositoryFromUrl(pageUrl) ?? recent[0] ?? '';
}

/** What the user typed, as `owner/repo`: a pasted GitHub address counts as its repository. */
export function normaliseRepository(input: string): string {
  const value = input.trim();
  if (/^https?:\/\//i.test(value)) return repositoryFromUrl(value) ?? value;
  return value.replace(/\.git$/i, '');
}
