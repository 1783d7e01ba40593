import { describe, expect, it, vi } from 'vitest';
import {
  BUTTON_HOST_ATTRIBUTE,
  createMountManager,
  FALLBACK_GRACE_MS,
  FALLBACK_NOTE,
} from '@/lib/content/resident/mount';
import { findButtonAnchor, isInStickyHeader } from '@/lib/forges/github/anchor';
import { FIXTURE_URLS, type FixtureName, loadFixture } from '../../forges/github/fixtures';

/**
 * A mount manager on a fixture; `belongs` can be flipped to imitate leaving the issue. Timers wait until
 * `elapse` runs them.
 */
function setup(name: FixtureName) {
  const doc = loadFixture(name);
  const kind = FIXTURE_URLS[name].includes('/pull/') ? 'pull' : 'issue';
  const state = { belongs: true, created: 0 };
  const timers: { callback: () => void; ms: number }[] = [];
  const manager = createMountManager({
    doc,
    pageKind: () => (state.belongs ? kind : null),
    findAnchor: findButtonAnchor,
    isInStickyHeader,
    createHost: () => {
      state.created++;
      return doc.createElement('span');
    },
    later: (callback, ms) => timers.push({ callback, ms }),
  });
  const hosts = () => [...doc.querySelectorAll(`[${BUTTON_HOST_ATTRIBUTE}]`)];
  const elapse = () => {
    for (const timer of timers.splice(0)) {
      expect(timer.ms).toBe(FALLBACK_GRACE_MS);
      timer.callback();
    }
  };
  return { doc, state, manager, hosts, elapse };
}

/** Inserts the late header's actions, as the fixture's own script does after 300 ms. */
function renderLateHeader(doc: Document) {
  const template = doc.querySelector<HTMLTemplateElement>('#late-header-actions');
  doc.querySelector('[data-component="PH"]')?.append(template?.content.cloneNode(true) as Node);
}

describe('createMountManager', () => {
  it.each<[FixtureName, string, string]>([
    ['issue', 'actions', '[data-component="PH_Actions"] [class*="menuActionsContainer"]'],
    ['pull', 'actions', 'div:has(> button[class*="PullRequestCodeButton"])'],
    ['pull-files', 'actions', '[data-component="PH_Actions"]'],
    ['pull-legacy', 'legacy', '.gh-header-actions'],
  ])('should mount one button in the header of %s (%s)', (name, kind, parent) => {
    const { manager, hosts } = setup(name);

    const actual = manager.sync(true);

    expect(actual).toBe('mounted');
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.getAttribute(BUTTON_HOST_ATTRIBUTE)).toBe(kind);
    expect(hosts()[0]?.parentElement?.matches(parent)).toBe(true);
    expect(isInStickyHeader(hosts()[0] as Element)).toBe(false);
    expect(manager.placement).toBe(kind);
  });

  it('should put the button after the heading when no landmark is known', () => {
    const { manager, hosts } = setup('issue-no-landmarks');

    manager.sync(true);

    expect(hosts()[0]?.previousElementSibling?.matches('main h1')).toBe(true);
    expect(manager.placement).toBe('fallback');
  });

  it('should keep the button where it is on later syncs', () => {
    const { manager, hosts, state } = setup('issue');
    manager.sync(true);

    const actual = [manager.sync(), manager.sync(true), manager.sync()];

    expect(actual).toEqual(['kept', 'kept', 'kept']);
    expect(hosts()).toHaveLength(1);
    expect(state.created).toBe(1);
  });

  it('should mount again, once, when React replaces the header', () => {
    const { doc, manager, hosts, state } = setup('issue');
    manager.sync(true);
    const header = doc.querySelector('[data-testid="issue-header"]') as Element;
    const copy = header.cloneNode(true) as Element;
    // The copy of the host a clone carries along is the resident's to remove (it sees it inserted)
    copy.querySelector(`[${BUTTON_HOST_ATTRIBUTE}]`)?.remove();
    header.replaceWith(copy);
    expect(hosts()).toHaveLength(0);

    const actual = manager.sync();

    expect(actual).toBe('mounted');
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.closest('[data-component="PH_Actions"]')).not.toBeNull();
    expect(state.created).toBe(1);
  });

  it('should move from the fallback into the header when the header renders late', () => {
    const { doc, manager, hosts } = setup('issue-late-header');
    expect(manager.sync(true)).toBe('mounted');
    expect(manager.placement).toBe('fallback');
    renderLateHeader(doc);

    const actual = manager.sync();

    expect(actual).toBe('moved');
    expect(manager.placement).toBe('actions');
    expect(hosts()).toHaveLength(1);
  });

  it('should remove the button on pages where it does not belong, and bring it back', () => {
    const { manager, hosts, state } = setup('pull');
    manager.sync(true);
    state.belongs = false;

    expect(manager.sync(true)).toBe('removed');
    expect(hosts()).toHaveLength(0);
    expect(manager.sync()).toBe('absent');
    expect(manager.placement).toBeNull();

    state.belongs = true;
    expect(manager.sync(true)).toBe('mounted');
    expect(hosts()).toHaveLength(1);
  });

  it('should take the button away when the script stops', () => {
    const { manager, hosts } = setup('issue');
    manager.sync(true);

    manager.remove();

    expect(hosts()).toHaveLength(0);
  });

  describe('when no header landmark turns up', () => {
    it('should say so once per page load, at debug level, however often the page changes', () => {
      const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const { doc, manager, elapse } = setup('issue-no-landmarks');

      for (let mutation = 0; mutation < 5; mutation++) {
        manager.sync(mutation === 0);
        doc.body.append(doc.createElement('div'));
        elapse();
      }

      expect(manager.placement).toBe('fallback');
      expect(debug).toHaveBeenCalledTimes(1);
      expect(debug).toHaveBeenCalledWith(FALLBACK_NOTE);
    });

    it('should wait for a header that renders late, and stay quiet when it does', () => {
      const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const { doc, manager, elapse } = setup('issue-late-header');
      manager.sync(true);
      expect(debug).not.toHaveBeenCalled();

      renderLateHeader(doc);
      manager.sync();
      elapse();

      expect(manager.placement).toBe('actions');
      expect(debug).not.toHaveBeenCalled();
    });

    it('should stay quiet on pages with a header, and on pages without a button', () => {
      const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
      const withHeader = setup('issue');
      const elsewhere = setup('issue-no-landmarks');
      elsewhere.state.belongs = false;

      for (const { manager, elapse } of [withHeader, elsewhere]) {
        manager.sync(true);
        manager.sync();
        elapse();
      }

      expect(debug).not.toHaveBeenCalled();
    });
  });
});
