import type { ButtonParts, MenuRequest } from '@/lib/content/resident/contract';
import { createShadowHost, h } from '@/lib/content/resident/dom';
import { createFocusGuard } from '@/lib/content/resident/focus-guard';
import BUTTON_CSS from '@/lib/content/resident/styles/button.css?inline';
import type { Listen } from '@/lib/content/resident/trusted';
import type { ResidentWord } from '@/lib/content/resident/words';

export type ButtonHandlers = {
  /** A plain click (not while busy): the page's default preset. */
  onDefault(): void;
  /** The caret: a click toggles the menu, ↓ and ↑ open it on the first or last item (menu button pattern). */
  onMenu(request: MenuRequest): void;
  /** The pointer or the keyboard focus reached the button: a click may follow, so load the UI now. */
  onApproach(): void;
};

export type ResidentButton = ButtonParts & { readonly busy: boolean };

/** What a key does on the caret; Enter and Space reach it as a click (it is a `<button>`). */
export function caretKeyRequest(key: string): MenuRequest | null {
  if (key === 'ArrowDown') return 'first';
  if (key === 'ArrowUp') return 'last';
  return null;
}

/**
 * The split button ("Send to OpenHands" + caret) in its own shadow root, in plain DOM. The menu, the tooltip
 * and everything a click leads to come with the on-demand UI. While busy the main button is `aria-disabled`
 * rather than `disabled`, so keyboard focus stays on it.
 */
export function createButton(
  listen: Listen,
  on: ButtonHandlers,
  /** Its accessible names, "Send to OpenHands" and "More OpenHands actions" (lib/content/resident/words.ts) */
  word: (word: ResidentWord) => string,
  /** Where the user's key events pass (the page's window): see focus-guard.ts. */
  keys: EventTarget = window,
  now: () => number = () => performance.now(),
): ResidentButton {
  const { host, root } = createShadowHost('span', BUTTON_CSS);
  // The icons and the spinner are pseudo-elements (button.css)
  const main = h('button', { type: 'button', class: 'btn main' }, word('send'));
  const caret = h('button', {
    type: 'button',
    class: 'btn caret',
    'aria-label': word('more'),
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
  });
  root.append(main, caret);
  let busy = false;

  // Enter and Space count only on a focus the user gave (a page script can focus our buttons)
  const guard = createFocusGuard(listen, keys, now);
  guard.watch(main);
  guard.watch(caret);
  listen(main, 'click', (event) => {
    if (!busy && guard.accepts(main, event)) on.onDefault();
  });
  listen(caret, 'click', (event) => {
    if (guard.accepts(caret, event)) on.onMenu('toggle');
  });
  listen(caret, 'keydown', (event) => {
    const request = caretKeyRequest((event as KeyboardEvent).key);
    if (!request || !guard.focusedByUser(caret)) return;
    event.preventDefault();
    on.onMenu(request);
  });
  listen(host, 'pointerenter', () => on.onApproach());
  listen(host, 'focusin', () => on.onApproach());

  return {
    host,
    root,
    main,
    caret,
    get busy() {
      return busy;
    },
    setBusy(next) {
      busy = next;
      main.setAttribute('aria-disabled', String(next));
      main.setAttribute('aria-busy', String(next));
    },
  };
}
