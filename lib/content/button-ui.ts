import { createShadowHost, h, icon } from '@/lib/content/dom';
import { OPENHANDS_MARK, TRIANGLE_DOWN } from '@/lib/content/icons';
import { attachMenu, type Listen, type Menu, type MenuEntry } from '@/lib/content/menu';
import BUTTON_CSS from '@/lib/content/styles/button.css?inline';

/** The accessible name users and tests look for. */
export const BUTTON_NAME = 'Send to OpenHands';
export const CARET_NAME = 'More OpenHands actions';

export type ButtonUiDeps = {
  /** A plain click: the page's default preset. */
  onDefault(): void;
  entries(): readonly MenuEntry[];
  onSelect(id: string): void;
  listen: Listen;
};

export type ButtonUi = {
  host: HTMLElement;
  caret: HTMLButtonElement;
  menu: Menu;
  /** Locks the button while a start is under way: spinner, `aria-busy`, `aria-disabled`, menu entries disabled. */
  setBusy(busy: boolean): void;
  /** The tooltip: what a plain click does on this page, e.g. "Solve the issue". */
  setDefaultLabel(label: string): void;
};

/**
 * The split button ("Send to OpenHands" + caret) in its own shadow root. While busy the main button is
 * `aria-disabled` rather than `disabled`, so keyboard focus stays on it; the caret still opens the menu, whose
 * entries are then disabled.
 */
export function createButtonUi(deps: ButtonUiDeps): ButtonUi {
  const { host, root } = createShadowHost('send-to-openhands', BUTTON_CSS);
  const mark = icon(OPENHANDS_MARK.path, 'icon', OPENHANDS_MARK.viewBox);
  const spinner = h('span', { class: 'spinner', hidden: true });
  const main = h('button', { type: 'button', class: 'btn main' }, mark, spinner, h('span', {}, BUTTON_NAME));
  const caret = h(
    'button',
    { type: 'button', class: 'btn caret', 'aria-label': CARET_NAME },
    icon(TRIANGLE_DOWN),
  );
  root.append(h('div', { class: 'group' }, main, caret));
  let busy = false;

  const menu = attachMenu({
    root,
    host,
    caret,
    entries: deps.entries,
    enabled: () => !busy,
    onSelect: deps.onSelect,
    listen: deps.listen,
  });
  deps.listen(main, 'click', () => {
    if (!busy) deps.onDefault();
  });

  return {
    host,
    caret,
    menu,
    setBusy(next) {
      busy = next;
      main.setAttribute('aria-disabled', String(next));
      main.setAttribute('aria-busy', String(next));
      mark.toggleAttribute('hidden', next);
      spinner.hidden = !next;
      if (next) menu.close(false);
    },
    setDefaultLabel(label) {
      main.title = `${label} with OpenHands`;
    },
  };
}
