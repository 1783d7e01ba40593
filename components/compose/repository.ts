import { repositoryOfUrl } from '@/lib/forges/forges';

/**
 * The repository to pre-fill for text selected on `pageUrl`: the page's own repository on a forge, else the
 * last one used (`recent` is most recent first), else nothing.
 */
export function inferRepository(pageUrl: string, recent: readonly string[]): string {
  return repositoryOfUrl(pageUrl) ?? recent[0] ?? '';
}

/** What the user typed, as `owner/repo`: a pasted forge address counts as its repository. */
export function normaliseRepository(input: string): string {
  const value = input.trim();
  if (/^https?:\/\//i.test(value)) return repositoryOfUrl(value) ?? value;
  return value.replace(/\.git$/i, '');
}
