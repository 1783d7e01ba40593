import { describe, expect, it } from 'vitest';
import { isGitHubHost } from '@/lib/github/hosts';

describe('isGitHubHost', () => {
  it.each<[string, boolean]>([
    ['github.com', true],
    ['GitHub.com', true],
    ['octocorp.ghe.com', true],
    ['github.acme.example', true],
    ['ghe.acme.example', true],
    ['ghe-prod.acme.example', true],
    ['code.github-enterprise.example', true],
    ['gist.github.com', false],
    ['api.github.com', false],
    ['docs.github.com', false],
    ['octo-org.github.io', false],
    ['raw.githubusercontent.com', false],
    ['mygithubclone.example', false],
    ['gitlab.com', false],
    ['example.com', false],
  ])('should classify %s as %s', (hostname, expected) => {
    const actual = isGitHubHost(hostname);

    expect(actual).toBe(expected);
  });

  it('should accept hosts the caller lists', () => {
    const actual = isGitHubHost('git.corp.example', ['GIT.corp.example']);

    expect(actual).toBe(true);
  });
});
