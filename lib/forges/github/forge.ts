import type { Forge } from '@/lib/forges/forge';
import { isGitHubHost } from '@/lib/forges/github/hosts';
import { parseGitHubPage, repositoryFromUrl } from '@/lib/forges/github/page';

/** github.com from addresses alone (the forge seam's `Forge`, lib/forges/forge.ts). */
export const github: Forge = {
  id: 'github',
  name: 'GitHub',
  provider: 'github',
  isOn: (url) => (url.protocol === 'https:' || url.protocol === 'http:') && isGitHubHost(url.hostname),
  itemOf(url) {
    const page = parseGitHubPage(url);
    return page && { forge: 'github', ...page, repository: `${page.owner}/${page.repo}` };
  },
  repositoryOf: (url) => repositoryFromUrl(url),
  itemUrl: (repository, kind, number) =>
    `https://github.com/${repository}/${kind === 'pull' ? 'pull' : 'issues'}/${number}`,
};
