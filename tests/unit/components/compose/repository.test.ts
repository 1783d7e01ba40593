import { describe, expect, it } from 'vitest';
import { inferRepository, normaliseRepository } from '@/components/compose/repository';

const RECENT = ['last-used/repo', 'older/repo'];

describe('inferRepository', () => {
  it.each([
    ['an issue', 'https://github.com/octo-org/hello-world/issues/42', 'octo-org/hello-world'],
    ['a pull request', 'https://github.com/octo-org/hello-world/pull/7/files', 'octo-org/hello-world'],
    ['a repository root', 'https://github.com/octo-org/hello-world', 'octo-org/hello-world'],
    ['a file', 'https://github.com/octo-org/hello.js/blob/main/src/index.ts#L10', 'octo-org/hello.js'],
    [
      'an Actions log',
      'https://github.com/octo-org/hello-world/actions/runs/1/job/2',
      'octo-org/hello-world',
    ],
    ['a wiki page', 'https://github.com/octo-org/hello-world/wiki/Design', 'octo-org/hello-world'],
    ['a clone URL', 'https://github.com/octo-org/hello-world.git', 'octo-org/hello-world'],
    ['a non-GitHub page', 'https://ci.example.com/builds/42', 'last-used/repo'],
    ['a GitHub profile', 'https://github.com/octo-org', 'last-used/repo'],
    ['GitHub settings', 'https://github.com/settings/profile', 'last-used/repo'],
    ['a gist', 'https://gist.github.com/someone/abc123', 'last-used/repo'],
    ['GitHub Pages', 'https://octo-org.github.io/hello-world/', 'last-used/repo'],
    ['a GitHub blog post', 'https://github.blog/2026/01/new-copilot-features/', 'last-used/repo'],
    ['a PDF on disk', 'file:///home/me/design.pdf', 'last-used/repo'],
    ['no URL', '', 'last-used/repo'],
  ])('should infer the repository from %s', (_name, url, expected) => {
    const actual = inferRepository(url, RECENT);
    expect(actual).toBe(expected);
  });

  it('should leave the field empty off GitHub with no recent repositories', () => {
    expect(inferRepository('https://ci.example.com/builds/42', [])).toBe('');
  });
});

describe('normaliseRepository', () => {
  it.each([
    ['  octo-org/hello-world  ', 'octo-org/hello-world'],
    ['https://github.com/octo-org/hello-world/issues/1', 'octo-org/hello-world'],
    ['octo-org/hello-world.git', 'octo-org/hello-world'],
    ['not a repo', 'not a repo'],
  ])('should read %j as %j', (input, expected) => {
    expect(normaliseRepository(input)).toBe(expected);
  });
});
