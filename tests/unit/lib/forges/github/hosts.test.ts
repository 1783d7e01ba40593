import { describe, expect, it } from 'vitest';
import { isGitHubHost } from '@/lib/forges/github/hosts';

describe('isGitHubHost', () => {
  it.each<[string, boolean]>([
    ['github.com', true],
    ['GitHub.com', true],
    // GitHub's other sites have no repository pages, whatever their paths look like
    ['github.blog', false],
    ['github.community', false],
    ['githubstatus.com', false],
    ['gist.github.com', false],
    ['api.github.com', false],
    ['docs.github.com', false],
    ['octo-org.github.io', false],
    ['raw.githubusercontent.com', false],
    // Enterprise hosts count only when enabled (see below), not because of their name
    ['github.acme.example', false],
    ['octocorp.ghe.com', false],
    ['ghe-prod.acme.example', false],
    ['github.com.evil.example', false],
    ['mygithubclone.example', false],
    ['gitlab.com', false],
    ['example.com', false],
  ])('should classify %s as %s', (hostname, expected) => {
    const actual = isGitHubHost(hostname);

    expect(actual).toBe(expected);
  });

  it('should accept hosts the caller lists, and only those', () => {
    const enabled = ['GIT.corp.example', 'github.acme.example'];

    expect(isGitHubHost('git.corp.example', enabled)).toBe(true);
    expect(isGitHubHost('github.acme.example', enabled)).toBe(true);
    expect(isGitHubHost('github.blog', enabled)).toBe(false);
  });
});
