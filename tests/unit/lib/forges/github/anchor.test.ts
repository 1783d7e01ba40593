import { describe, expect, it } from 'vitest';
import type { AnchorKind, AnchorPosition } from '@/lib/forges/forge';
import { findButtonAnchor, isInStickyHeader } from '@/lib/forges/github/anchor';
import { FIXTURE_URLS, type FixtureName, loadFixture } from './fixtures';

/** The kind of page each fixture is, as the resident's URL gate reads it. */
const kindOf = (name: FixtureName) => (FIXTURE_URLS[name].includes('/pull/') ? 'pull' : 'issue');

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
    ['pull-files-threads', 'actions', 'prepend', '[data-component="PH_Actions"]'],
    ['pull-timeline-threads', 'actions', 'prepend', '[class^="PullRequestHeader-module__actions"]'],
    ['pull-legacy-files-threads', 'legacy', 'prepend', '.gh-header-actions'],
    // signed out: the actions slot is empty and hidden, so the end of the title's row
    ['pull-react-automated', 'actions', 'append', '[class*="PullRequestHeader-module__titleWithAction"]'],
  ])('should anchor %s to the %s (%s)', (name, kind, position, selector) => {
    const doc = loadFixture(name);

    const actual = findButtonAnchor(doc, kindOf(name));

    expect(actual).toMatchObject({ kind, position });
    expect(actual?.element.matches(selector)).toBe(true);
    expect(isInStickyHeader(actual?.element as Element)).toBe(false);
  });

  it('should move to the header actions once they render late', () => {
    const doc = loadFixture('issue-late-header');
    const template = doc.querySelector<HTMLTemplateElement>('#late-header-actions');
    doc.querySelector('[data-component="PH"]')?.append(template?.content.cloneNode(true) as Node);

    const actual = findButtonAnchor(doc, 'issue');

    expect(actual?.kind).toBe('actions');
    expect(actual?.element.matches('[class*="HeaderMenu-module__menuActionsContainer"]')).toBe(true);
  });

  it('should skip actions that exist only in the sticky header', () => {
    const doc = page(`
      <div class="IssueViewer-module__stickyHeader--x1"><div data-component="PH_Actions"><button>Edit</button></div></div>
      <main><h1 data-component="PH_Title">Title</h1></main>`);

    const actual = findButtonAnchor(doc, 'issue');

    expect(actual).toMatchObject({ kind: 'fallback', position: 'after' });
    expect(actual?.element.localName).toBe('h1');
  });

  it('should look for the landmarks of the kind of page only', () => {
    const doc = page(`
      <div data-component="PH_Actions"><div class="HeaderMenu-module__menuActionsContainer--x1" id="issue"></div></div>
      <div class="PullRequestHeader-module__actions--y2" id="pull"><button class="PullRequestCodeButton-module__x--z3">Code</button></div>`);

    expect(findButtonAnchor(doc, 'issue')?.element.id).toBe('issue');
    expect(findButtonAnchor(doc, 'pull')?.element.id).toBe('pull');
  });

  it('should take the row of a static Code button, and only a div', () => {
    const doc = page(`
      <div class="PullRequestHeader-module__stickyHeader--a1"><div id="sticky"><button class="PullRequestCodeButton-module__x--z3">Code</button></div></div>
      <span id="span"><button class="PullRequestCodeButton-module__x--z3">Code</button></span>
      <div id="row"><button class="PullRequestCodeButton-module__x--z3">Code</button></div>`);

    const actual = findButtonAnchor(doc, 'pull');

    expect(actual?.element.id).toBe('row');
  });

  it('should take the first static copy when the sticky copy comes first', () => {
    const doc = page(`
      <div class="IssueViewer-module__stickyHeader--x1"><div data-component="PH_Actions" id="sticky"></div></div>
      <div data-component="PH_Actions" id="static"></div>`);

    const actual = findButtonAnchor(doc, 'issue');

    expect(actual?.element.id).toBe('static');
  });

  it('should prefer the top of main when there is no heading', () => {
    const doc = page('<main><p>Nothing else</p></main>');

    const actual = findButtonAnchor(doc, 'issue');

    expect(actual).toEqual({ element: doc.querySelector('main'), position: 'prepend', kind: 'fallback' });
  });

  it('should fall back to the top of body on a bare page', () => {
    const doc = page('<p>Nothing else</p>');

    const actual = findButtonAnchor(doc, 'issue');

    expect(actual).toEqual({ element: doc.body, position: 'prepend', kind: 'fallback' });
  });
});
