import { describe, expect, it } from 'vitest';
import { pageKindOf } from '@/lib/forges/github/gate';
import { parseGitHubPage } from '@/lib/forges/github/page';

/** github.com pages, with the kind github-url-detection (through `parseGitHubPage`) gives them. */
const URLS: [string, 'issue' | 'pull' | null][] = [
  ['https://github.com/octo-org/hello-world/issues/42', 'issue'],
  ['https://github.com/octo-org/hello-world/issues/42/', 'issue'],
  ['https://github.com/octo-org/hello-world/issues/42?q=1#issuecomment-99', 'issue'],
  ['https://github.com/Octo-Org/Hello.World_2/issues/1', 'issue'],
  ['https://github.com/octo-org/.github/issues/3', 'issue'],
  ['https://github.com/octo-org/hello-world/issues/007', 'issue'],
  ['https://github.com/octo-org/hello-world/pull/7', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7#discussion_r123', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/files', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/files/1e27d799..e1aba6f', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/changes', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/changes/1e27d79', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/commits', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/commits/1e27d7998afdd3608d9fc3bf95ccf27fa5010641', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/checks', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/checks?check_run_id=5', 'pull'],
  ['https://github.com/octo-org/hello-world/pull/7/some-future-tab', 'pull'],
  ['https://github.com/octo-org/hello-world', null],
  ['https://github.com/octo-org/hello-world/', null],
  ['https://github.com/octo-org/hello-world/blob/main/README.md', null],
  ['https://github.com/octo-org/hello-world/tree/feature/issues/42', null],
  ['https://github.com/octo-org/hello-world/blob/main/issues/42', null],
  ['https://github.com/octo-org/hello-world/issues', null],
  ['https://github.com/octo-org/hello-world/issues/new', null],
  ['https://github.com/octo-org/hello-world/issues/0', null],
  ['https://github.com/octo-org/hello-world/issues/000', null],
  ['https://github.com/octo-org/hello-world/issues/42abc', null],
  ['https://github.com/octo-org/hello-world/issues/42/linked', null],
  ['https://github.com/octo-org/hello-world/pulls', null],
  ['https://github.com/octo-org/hello-world/pull/new', null],
  ['https://github.com/octo-org/hello-world/pull/new/feature', null],
  ['https://github.com/octo-org/hello-world/pull/7.diff', null],
  ['https://github.com/octo-org/hello-world/pull/7.patch', null],
  ['https://github.com/octo-org/hello-world/pull/7/conflicts', null],
  ['https://github.com/octo-org/hello-world/pull/0', null],
  ['https://github.com/octo-org/hello-world/compare/main...feature', null],
  ['https://github.com/octo-org/hello-world/discussions/5', null],
  ['https://github.com/octo-org/hello-world/actions/runs/1', null],
  ['https://github.com/octo-org/hello-world/security/advisories/GHSA-1', null],
  ['https://github.com/octo-org', null],
  ['https://github.com/', null],
  ['https://github.com/issues', null],
  ['https://github.com/issues/42', null],
  ['https://github.com/pulls', null],
  ['https://github.com/notifications', null],
  ['https://github.com/orgs/octo-org/projects/1', null],
  ['https://github.com/settings/profile', null],
  ['https://github.com/search?q=issues%2F42', null],
  ['https://github.com/octo_org/hello-world/issues/42', null],
  ['https://github.com/octo-org/hello%20world/issues/42', null],
];

describe('pageKindOf', () => {
  it.each(URLS)('should read %s as %s', (url, expected) => {
    const actual = pageKindOf(new URL(url).pathname);

    expect(actual).toBe(expected);
  });

  it.each(URLS)('should agree with github-url-detection on %s', (url) => {
    const actual = pageKindOf(new URL(url).pathname);

    expect(actual).toBe(parseGitHubPage(url)?.kind ?? null);
  });
});
