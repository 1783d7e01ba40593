import { h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import MENU_CSS from '@/lib/content/ui/menu/menu.css?inline';
import { menuKeyAction } from '@/lib/content/ui/menu/menu-keys';
import FLOATING_CSS from '@/lib/content/ui/overlay/floating.css?inline';
import { t } from '@/lib/i18n';

/**
 * One menu entry. Its accessible name is `label`; `description` is its accessible description. A `disabled`
 * entry is a line that says why something is missing (it can be read, not chosen).
 */
export type MenuEntry = {
  id: string;
  label: string;
  description: string;
  isDefault?: boolean;
  disabled?: boolean;
  /** Can be chosen while a start is under way (a follow-up may go to the conversation still starting). */
  whileBusy?: boolean;
};

export type MenuDeps = {
  /** The button's shadow root, which gets the menu and its styles. */
  root: ShadowRoot;
  host: HTMLElement;
  /** The button the menu opens from (its clicks and keys are the resident's); it gets `aria-expanded` and `aria-controls`. */
  caret: HTMLButtonElement;
  /** Read at each opening: the presets depend on the page, which changes with soft navigation. */
  entries(): readonly MenuEntry[];
  /** Whether entries can be chosen now (not while a start is under way, but for `whileBusy` ones). */
  enabled(): boolean;
  onSelect(id: string): void;
  /** Read at each opening: a line above the entries (the conversations there are already), or null. */
  note?(): string | null;
  listen: Listen;
};

export type Menu = {
  readonly isOpen: boolean;
  /** Opens the menu with its first or last item focused. */
  open(focus: 'first' | 'last'): void;
  close(restoreFocus: boolean): void;
};

const MENU_ID = 'openhands-menu';
const NOTE_ID = `${MENU_ID}-note`;
const GAP = 4;
const MARGIN = 8;

function buildItem(entry: MenuEntry, disabled: boolean): HTMLElement {
  const labelId = `${MENU_ID}-${entry.id}-label`;
  const descriptionId = `${MENU_ID}-${entry.id}-description`;
  return h(
    'div',
    {
      role: 'menuitem',
      class: 'item',
      tabindex: '-1',
      'data-id': entry.id,
      'aria-labelledby': labelId,
      'aria-describedby': descriptionId,
      'aria-disabled': disabled ? 'true' : undefined,
    },
    h('span', { id: labelId, class: 'label' }, entry.label),
    entry.isDefault ? h('span', { class: 'tag', 'aria-hidden': 'true' }, t('ui.menu.default')) : '',
    h('span', { id: descriptionId, class: 'description' }, entry.description),
  );
}

/**
 * The line above the entries, as the menu's description: seen, and read out when the menu opens, without being
 * an entry arrows stop on.
 */
function addNote(menu: HTMLElement, note: string | null): void {
  if (!note) {
    menu.removeAttribute('aria-describedby');
    return;
  }
  menu.prepend(h('div', { id: NOTE_ID, class: 'note', 'aria-hidden': 'true' }, note));
  menu.setAttribute('aria-describedby', NOTE_ID);
}

/** Places a fixed-position menu under its button group (above it when there is no room), inside the viewport. */
/**
 * What every floating list of menu items (the caret menu, the status list) does while open: the item under the
 * pointer takes focus, a pointer press outside `inside` closes it, and it follows its anchor on resize and
 * scroll.
 */
export function trackFloatingMenu(
  listen: Listen,
  menu: {
    root: ShadowRoot;
    list: HTMLElement;
    anchor: Element;
    isOpen(): boolean;
    inside(path: EventTarget[]): boolean;
    close(): void;
  },
): void {
  const { root, list, anchor } = menu;
  listen(list, 'mousemove', (event) => {
    const item = (event.target as Element).closest<HTMLElement>('[role="menuitem"]');
    if (item && root.activeElement !== item) item.focus();
  });
  listen(
    document,
    'pointerdown',
    (event) => {
      if (menu.isOpen() && !menu.inside(event.composedPath())) menu.close();
    },
    { capture: true },
  );
  listen(window, 'resize', () => menu.isOpen() && position(list, anchor));
  listen(window, 'scroll', () => menu.isOpen() && position(list, anchor), { capture: true, passive: true });
}

export function position(menu: HTMLElement, anchor: Element): void {
  const box = anchor.getBoundingClientRect();
  const { width, height } = menu.getBoundingClientRect();
  const below = box.bottom + GAP;
  const top =
    below + height > window.innerHeight - MARGIN && box.top - GAP - height > MARGIN
      ? box.top - GAP - height
      : below;
  const left = Math.max(MARGIN, Math.min(box.left, window.innerWidth - width - MARGIN));
  menu.style.top = `${Math.round(top)}px`;
  menu.style.left = `${Math.round(left)}px`;
}

/**
 * The caret's menu (WAI-ARIA menu button): the resident script opens it on a click, Enter, Space, ↓ (first
 * item) or ↑ (last item); arrows, Home and End move; Enter and Space choose; Escape closes and returns focus to
 * the caret; Tab and a click outside close it. It is a manual popover, so it sits in the top layer and
 * GitHub's `overflow: hidden` headers can't clip it.
 */
export function attachMenu(deps: MenuDeps): Menu {
  const { root, caret, listen } = deps;
  const menu = h('div', {
    id: MENU_ID,
    role: 'menu',
    class: 'menu',
    'aria-label': t('ui.menu.label'),
    hidden: true,
  });
  const canPopover = typeof menu.showPopover === 'function';
  if (canPopover) menu.setAttribute('popover', 'manual');
  root.append(h('style', {}, FLOATING_CSS + MENU_CSS), menu);
  caret.setAttribute('aria-haspopup', 'menu');
  caret.setAttribute('aria-expanded', 'false');
  caret.setAttribute('aria-controls', MENU_ID);
  let open = false;

  const items = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const focusItem = (index: number) => items()[index]?.focus();

  function show(focus: 'first' | 'last'): void {
    const disabled = !deps.enabled();
    menu.replaceChildren(
      ...deps
        .entries()
        .map((entry) => buildItem(entry, (disabled && !entry.whileBusy) || entry.disabled === true)),
    );
    const custom = menu.querySelector('[data-id="custom"]');
    custom?.before(h('div', { role: 'separator', class: 'separator' }));
    // The follow-up entries come after the presets
    if (custom?.nextElementSibling) custom.after(h('div', { role: 'separator', class: 'separator' }));
    addNote(menu, deps.note?.() ?? null);
    menu.hidden = false;
    if (canPopover) menu.showPopover();
    open = true;
    caret.setAttribute('aria-expanded', 'true');
    position(menu, deps.host);
    focusItem(focus === 'first' ? 0 : items().length - 1);
  }

  function close(restoreFocus: boolean): void {
    if (!open) return;
    open = false;
    caret.setAttribute('aria-expanded', 'false');
    if (canPopover && menu.matches(':popover-open')) menu.hidePopover();
    menu.hidden = true;
    if (restoreFocus) caret.focus();
  }

  function choose(item: HTMLElement | undefined): void {
    if (!item || item.getAttribute('aria-disabled') === 'true') return;
    close(true);
    deps.onSelect(item.dataset.id ?? '');
  }

  listen(menu, 'keydown', (event) => {
    const list = items();
    const index = list.indexOf(root.activeElement as HTMLElement);
    const action = menuKeyAction((event as KeyboardEvent).key, index, list.length);
    if (action.type === 'none') return;
    if (action.type !== 'close' || action.restoreFocus) event.preventDefault();
    if (action.type === 'focus') focusItem(action.index);
    else if (action.type === 'activate') choose(list[action.index]);
    else close(action.restoreFocus);
  });
  listen(menu, 'click', (event) =>
    choose((event.target as Element).closest<HTMLElement>('[role="menuitem"]') ?? undefined),
  );
  // A click anywhere else closes the menu (the caret toggles it itself)
  trackFloatingMenu(listen, {
    root,
    list: menu,
    anchor: deps.host,
    isOpen: () => open,
    inside: (path) => path.includes(deps.host) || path.includes(menu),
    close: () => close(false),
  });

  return {
    get isOpen() {
      return open;
    },
    open: show,
    close,
  };
}
