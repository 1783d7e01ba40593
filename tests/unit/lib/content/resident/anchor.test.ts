import { describe, expect, it } from 'vitest';
import {
  type AnchorKind,
  type AnchorPosition,
  findButtonAnchor,
  isInStickyHeader,
} from '@/lib/content/resident/anchor';
import { type FixtureName, loadFixture } from '../../github/fixtures';

/** Parses a page body, for cases no fixture covers. */
function page(body: string): Document {
  return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${body}</body></html>`, 'text/html');
}

describe('findButtonAnchor', () => {
  it.each<[FixtureName, AnchorKind, AnchorPosition, string]>([
    ['issue', 'actions', 'prepend', '[data-component="PH_Actions"] > [class*="menuActionsContainer"]'],
    ['pull', 'actions', 'prepend', '[class^="PullRequestHeader-module__actions"]'],
    ['pull-fork', 'actions', 'prepend', '[class^="PullRequestHeader-module__buttonRow"]'],
    ['pull-files', 'actions', 'prepend', '[data-component="PH_Actions"]'],
    ['pull-legacy', 'legacy', 'prepend', '.gh-header-actions'],
    ['issue-no-landmarks', 'fallback', 'after', 'main h1'],
    ['issue-late-header', 'fallback', 'after', 'h1[data-component="PH_Title"]'],
  ])('should anchor %s to the %s (%s)', (name, kind, position, selector) => {
    const doc = loadFixture(name);

    const actual = findButtonAnchor(doc);

    expect(actual).toMatchObject({ kind, position });
    expect(actual?.element.matches(selector)).toBe(true);
    expect(isInStickyHeader(actual?.element as Element)).toBe(false);
  });

  it('should move to the header actions once they render late', () => {
    const doc = loadFixture('issue-late-header');
    const template = doc.querySelector<HTMLTemplateElement>('#late-header-actions');
    doc.querySelector('[data-component="PH"]')?.append(template?.content.cloneNode(true) as Node);

    const actual = findButtonAnchor(doc);

    expect(actual?.kind).toBe('actions');
    expect(actual?.element.matches('[class*="HeaderMenu-module__menuActionsContainer"]')).toBe(true);
  });

  it('should skip actions that exist only in the sticky header', () => {
    const doc = page(`
      <div class="IssueViewer-module__stickyHeader--x1"><div data-component="PH_Actions"><button>Edit</button></div></div>
      <main><h1 data-component="PH_Title">Title</h1></main>`);

    const actual = findButtonAnchor(doc);

    expect(actual).toMatchObject({ kind: 'fallback', position: 'after' });
    expect(actual?.element.localName).toBe('h1');
  });

  it('should take the first static copy when the sticky copy comes first', () => {
    const doc = page(`
      <div class="IssueViewer-module__stickyHeader--x1"><div data-component="PH_Actions" id="sticky"></div></div>
      <div data-component="PH_Actions" id="static"></div>`);

    const actual = findButtonAnchor(doc);

    expect(actual?.element.id).toBe('static');
  });

  it('should prefer the top of main when there is no heading', () => {
    const doc = page('<main><p>Nothing else</p></main>');

    const actual = findButtonAnchor(doc);

    expect(actual).toEqual({ element: doc.querySelector('main'), position: 'prepend', kind: 'fallback' });
  });

  it('should fall back to the top of body on a bare page', () => {
    const doc = page('<p>Nothing else</p>');

    const actual = findButtonAnchor(doc);

    expect(actual).toEqual({ element: doc.body, position: 'prepend', kind: 'fallback' });
  });
});
