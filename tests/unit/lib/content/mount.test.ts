import { describe, expect, it } from 'vitest';
import { BUTTON_HOST_ATTRIBUTE, createMountManager } from '@/lib/content/mount';
import { findButtonAnchor } from '@/lib/github/anchor';
import { isInStickyHeader } from '@/lib/github/dom';
import { type FixtureName, loadFixture } from '../github/fixtures';

/** A mount manager on a fixture; `belongs` can be flipped to imitate leaving the issue. */
function setup(name: FixtureName) {
  const doc = loadFixture(name);
  const state = { belongs: true, created: 0 };
  const manager = createMountManager({
    doc,
    belongs: () => state.belongs,
    findAnchor: findButtonAnchor,
    createHost: () => {
      state.created++;
      return doc.createElement('send-to-openhands');
    },
  });
  const hosts = () => [...doc.querySelectorAll(`[${BUTTON_HOST_ATTRIBUTE}]`)];
  return { doc, state, manager, hosts };
}

describe('createMountManager', () => {
  it.each<[FixtureName, string, string]>([
    ['issue', 'actions', '[data-component="PH_Actions"] [class*="menuActionsContainer"]'],
    ['pull', 'actions', ':has(> button[class*="PullRequestCodeButton"])'],
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
    const header = doc.querySelector('[data-testid="issue-header"]');
    // A clone carries a stale copy of the host along, like Turbo's snapshot would
    header?.replaceWith(header.cloneNode(true));
    expect(hosts()).toHaveLength(1);

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
    const template = doc.querySelector<HTMLTemplateElement>('#late-header-actions');
    doc.querySelector('[data-component="PH"]')?.append(template?.content.cloneNode(true) as Node);

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

  it('should remove copies left by an earlier content script', () => {
    const { doc, manager, hosts } = setup('issue');
    const stale = doc.createElement('send-to-openhands');
    stale.setAttribute(BUTTON_HOST_ATTRIBUTE, 'actions');
    doc.body.prepend(stale);

    manager.sync(true);

    expect(hosts()).toHaveLength(1);
    expect(stale.isConnected).toBe(false);
  });

  it('should take the button away when the content script stops', () => {
    const { manager, hosts } = setup('issue');
    manager.sync(true);

    manager.remove();

    expect(hosts()).toHaveLength(0);
  });
});
