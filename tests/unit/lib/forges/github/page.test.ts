import { describe, expect, it } from 'vitest';
import { type GitHubPage, parseGitHubPage, repositoryFromUrl } from '@/lib/forges/github/page';

describe('parseGitHubPage', () => {
  it.each<[string, GitHubPage]>([
    [
      'https://github.com/octo-org/hello-world/issues/42',
      { kind: 'issue', owner: 'octo-org', repo: 'hello-world', number: 42 },
    ],
    [
      'https://github.com/octo-org/hello-world/issues/42/?q=1#issuecomment-99',
      { kind: 'issue', owner: 'octo-org', repo: 'hello-world', number: 42 },
    ],
    [
      'https://github.com/Octo-Org/Hello.World_2/issues/1',
      { kind: 'issue', owner: 'Octo-Org', repo: 'Hello.World_2', number: 1 },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'conversation' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7#discussion_r123',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'conversation' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/files',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'files' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/files/1e27d799..e1aba6f',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'files' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/changes',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'files' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/changes/1e27d79',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'files' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/commits',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'commits' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/commits/1e27d7998afdd3608d9fc3bf95ccf27fa5010641',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'commits' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/checks',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'checks' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/checks?check_run_id=5',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7, tab: 'checks' },
    ],
    [
      'https://github.com/octo-org/hello-world/pull/7/some-future-tab',
      { kind: 'pull', owner: 'octo-org', repo: 'hello-world', number: 7 },
    ],
  ])('should parse %s', (url, expected) => {
    const actual = parseGitHubPage(url);

    expect(actual).toEqual(expected);
  });

  it('should accept a URL object', () => {
    const actual = parseGitHubPage(new URL('https://github.com/octo-org/hello-world/issues/42'));

    expect(actual).toEqual({ kind: 'issue', owner: 'octo-org', repo: 'hello-world', number: 42 });
  });

  it.each([
    'https://github.com/octo-org/hello-world',
    'https://github.com/octo-org/hello-world/issues',
    'https://github.com/octo-org/hello-world/issues/new',
    'https://github.com/octo-org/hello-world/issues/0',
    'https://github.com/octo-org/hello-world/issues/42abc',
    'https://github.com/octo-org/hello-world/issues/42/linked',
    'https://github.com/octo-org/hello-world/pulls',
    'https://github.com/octo-org/hello-world/pull/new',
    'https://github.com/octo-org/hello-world/pull/new/feature',
    'https://github.com/octo-org/hello-world/pull/7.diff',
    'https://github.com/octo-org/hello-world/pull/7/conflicts',
    'https://github.com/octo-org/hello-world/compare/main...feature',
    'https://github.com/octo-org/hello-world/discussions/5',
    'https://github.com/issues',
    'https://github.com/pulls',
    'https://github.com/notifications',
    'https://github.com/orgs/octo-org/projects/1',
    'https://github.com/settings/profile',
    'https://gist.github.com/octo-org/2205329b71218fa2c1d3',
    'https://api.github.com/repos/octo-org/hello-world/issues/42',
    'https://gitlab.com/octo-org/hello-world/issues/42',
    'https://example.com/octo-org/hello-world/issues/42',
    'https://octo-org.github.io/hello-world/issues/42',
    'https://github.blog/changelog/issues/42',
    'https://github.community/t/issues/42',
    'https://github.acme.example/platform/billing-service/pull/15',
    'ftp://github.com/octo-org/hello-world/issues/42',
    'not a url',
    '',
  ])('should return null for %s', (url) => {
    const actual = parseGitHubPage(url);

    expect(actual).toBeNull();
  });

  it.each<[string, GitHubPage]>([
    [
      'https://git.corp.example/platform/api/pull/3/files',
      { kind: 'pull', owner: 'platform', repo: 'api', number: 3, tab: 'files' },
    ],
    [
      'https://github.acme.example/platform/billing-service/pull/15',
      { kind: 'pull', owner: 'platform', repo: 'billing-service', number: 15, tab: 'conversation' },
    ],
    [
      'https://octocorp.ghe.com/platform/api/issues/3',
      { kind: 'issue', owner: 'platform', repo: 'api', number: 3 },
    ],
  ])('should accept %s once its host is listed as GitHub Enterprise', (url, expected) => {
    const enterpriseHosts = ['git.corp.example', 'github.acme.example', 'octocorp.ghe.com'];

    const actual = parseGitHubPage(url, { enterpriseHosts });

    expect(actual).toEqual(expected);
  });
});

describe('repositoryFromUrl', () => {
  it.each<[string, string | null]>([
    ['https://github.com/octo-org/hello-world', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/blob/main/src/index.ts#L10', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/tree/feature/login-fix', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/issues/42', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/pull/7/files', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/actions/runs/1', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world.git', 'octo-org/hello-world'],
    ['https://github.com/Octo-Org/Hello.World', 'Octo-Org/Hello.World'],
    ['https://github.com/', null],
    ['https://github.com/octo-org', null],
    ['https://github.com/settings/profile', null],
    ['https://github.com/orgs/octo-org/teams', null],
    ['https://github.com/marketplace/actions/checkout', null],
    ['https://github.com/notifications/beta', null],
    ['https://github.com/sponsors/octo-org', null],
    ['https://github.com/topics/javascript', null],
    ['https://github.com/models/openai/gpt', null],
    ['https://github.com/search?q=hello', null],
    ['https://gist.github.com/octo-org/2205329b71218fa2c1d3', null],
    ['https://stackoverflow.com/questions/123/how-to', null],
    ['https://docs.github.com/en/rest/issues', null],
    ['https://github.blog/2026/01/new-copilot-features/', null],
    ['https://github.community/t/some-topic/1234', null],
    ['https://github.acme.example/platform/billing-service/wiki', null],
    ['about:blank', null],
  ])('should read %s as %s', (url, expected) => {
    const actual = repositoryFromUrl(url);

    expect(actual).toBe(expected);
  });
});
