import { describe, expect, it } from 'vitest';
import {
  FORGES,
  forgeOf,
  forgeOfProvider,
  forgeOfSource,
  itemOfUrl,
  repositoryOfUrl,
} from '@/lib/forges/forges';
import { github } from '@/lib/forges/github/forge';

describe('the forge registry', () => {
  it('should find the forge an address is on, and nothing for other sites or non-addresses', () => {
    expect(forgeOf('https://github.com/octo-org/hello-world/issues/42')).toBe(github);
    expect(forgeOf('https://github.com/settings/profile')).toBe(github);
    expect(forgeOf('https://github.blog/2026/01/')).toBeNull();
    expect(forgeOf('ftp://github.com/octo-org/hello-world')).toBeNull();
    expect(forgeOf('not an address')).toBeNull();
  });

  it('should read the item an address shows, with its forge and repository', () => {
    expect(itemOfUrl('https://github.com/Octo-Org/hello-world/pull/7/files')).toEqual({
      forge: 'github',
      kind: 'pull',
      owner: 'Octo-Org',
      repo: 'hello-world',
      repository: 'Octo-Org/hello-world',
      number: 7,
      tab: 'files',
    });
    expect(itemOfUrl('https://github.com/octo-org/hello-world')).toBeNull();
    expect(itemOfUrl('https://example.com/octo-org/hello-world/issues/1')).toBeNull();
  });

  it('should read the repository of any address inside one', () => {
    expect(repositoryOfUrl('https://github.com/octo-org/hello-world/tree/main/src')).toBe(
      'octo-org/hello-world',
    );
    expect(repositoryOfUrl('https://github.com/octo-org/hello-world.git')).toBe('octo-org/hello-world');
    expect(repositoryOfUrl('https://example.com/octo-org/hello-world')).toBeNull();
  });

  it('should give each forge’s item addresses, which it reads back', () => {
    for (const forge of FORGES) {
      for (const kind of ['issue', 'pull'] as const) {
        const url = forge.itemUrl('octo-org/hello-world', kind, 12);
        expect(forgeOf(url)).toBe(forge);
        expect(forge.itemOf(url)).toMatchObject({ kind, repository: 'octo-org/hello-world', number: 12 });
      }
    }
  });

  it('should find a conversation’s forge by its provider, or by the page it came from', () => {
    expect(forgeOfProvider('github')).toBe(github);
    expect(forgeOfProvider(undefined)).toBe(github);
    expect(forgeOfProvider('bitbucket')).toBeNull();
    expect(forgeOfSource('https://github.com/octo-org/hello-world/issues/1')).toBe(github);
    // Selected text elsewhere names a GitHub repository
    expect(forgeOfSource('https://docs.example.com/guide')).toBe(github);
    expect(forgeOfSource(null)).toBe(github);
  });
});
