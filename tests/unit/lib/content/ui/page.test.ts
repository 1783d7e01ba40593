import { describe, expect, it, vi } from 'vitest';
import { createUiPage } from '@/lib/content/ui/page';
import type { Forge } from '@/lib/forges/forge';
import { github } from '@/lib/forges/github/forge';
import { githubPages } from '@/lib/forges/github/pages';
import { FIXTURE_URLS, loadFixture } from '../../forges/github/fixtures';

describe('the UI’s page reader', () => {
  it('should parse the address once per navigation, however often it is read', () => {
    let href: string = FIXTURE_URLS.issue;
    const forge: Forge = { ...github, itemOf: vi.fn(github.itemOf) };
    const page = createUiPage({ doc: loadFixture('issue'), href: () => href, forge, pages: githubPages });

    for (let i = 0; i < 5; i++) expect(page.current().item).toMatchObject({ kind: 'issue', number: 42 });
    href = FIXTURE_URLS.pull;
    for (let i = 0; i < 5; i++) expect(page.current().item).toMatchObject({ kind: 'pull', number: 7 });

    expect(forge.itemOf).toHaveBeenCalledTimes(2);
  });

  it('should read the item’s context from the page at each call, and none off an item page', () => {
    let href: string = FIXTURE_URLS.issue;
    const doc = loadFixture('issue');
    const page = createUiPage({ doc, href: () => href, forge: github, pages: githubPages });
    const title = page.context()?.title;
    expect(title).toBeTruthy();

    // Edited in place: the next read sees it
    for (const heading of doc.querySelectorAll('[data-testid="issue-title"]'))
      heading.textContent = 'Renamed';
    expect(page.context()?.title).toBe('Renamed');

    href = 'https://github.com/octo-org/hello-world';
    expect(page.context()).toBeNull();
    expect(page.current().item).toBeNull();
  });
});
