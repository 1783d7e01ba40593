import type { Listen } from '@/lib/content/resident/trusted';

/*
 * A page script cannot click our button (its events are not trusted), but it can focus it: `focus()` from a
 * page script fires a trusted focus event, and the user's next Enter or Space then activates the button as if
 * they had chosen it. It can even move the focus to our button from its own keydown handler, so the very
 * keystroke the user typed into a comment box lands on our button. So a keyboard activation counts only when
 * the user gave the button its focus: with Tab or Shift+Tab, a pointer press, or our own code (returning the
 * focus after a menu or dialog). Pointer clicks always count, and so do activations by assistive technology
 * (a click with no key behind it). A focus given by the page makes the keyboard do nothing on our button.
 */

/** How soon after a Tab or a pointer press a focus still counts as the user's doing. */
export const USER_FOCUS_MS = 1_000;
/** How soon after Enter or Space a click counts as their keyboard activation (keypress or keyup). */
const ACTIVATION_MS = 1_000;

export type FocusGuard = {
  /**
   * Watches one of our buttons: its focus, and the keys that reach it. Our own `focus()` calls on it count as
   * given by the user (the override lives in this isolated world: page scripts call the page's own `focus`).
   */
  watch(button: HTMLElement): void;
  /** Whether a click on `button` may run: false for a keyboard activation of a focus the user did not give. */
  accepts(button: HTMLElement, event: Event): boolean;
  /** Whether the user gave `button` its focus (for keys it handles itself, such as ↓ on the caret). */
  focusedByUser(button: HTMLElement): boolean;
};

/**
 * @param listen trusted-only (`trustedOnly`): a page script must not be able to fake the user's Tab.
 * @param keys where key events pass on their way to any element (the page's window, in the capture phase).
 */
export function createFocusGuard(listen: Listen, keys: EventTarget, now: () => number): FocusGuard {
  let lastIntent = Number.NEGATIVE_INFINITY;
  let ours: HTMLElement | null = null;
  const given = new WeakSet<HTMLElement>();
  /** The last key event anywhere, and which of our buttons (focused by the user) it reached, if any. */
  let lastKey = { at: Number.NEGATIVE_INFINITY, key: '', on: null as HTMLElement | null };

  const onKey = (event: Event) => {
    const { key } = event as KeyboardEvent;
    lastKey = { at: now(), key, on: null };
    if (event.type === 'keydown' && key === 'Tab') lastIntent = now();
  };
  listen(keys, 'keydown', onKey, { capture: true });
  listen(keys, 'keyup', onKey, { capture: true });

  return {
    watch(button) {
      const focus = button.focus.bind(button);
      button.focus = (options?: FocusOptions) => {
        ours = button;
        focus(options);
        ours = null;
      };
      listen(button, 'pointerdown', () => {
        lastIntent = now();
      });
      listen(button, 'focus', () => {
        if (ours === button || now() - lastIntent < USER_FOCUS_MS) given.add(button);
        else given.delete(button);
      });
      listen(button, 'blur', () => given.delete(button));
      // After the window saw the key (capture first): it reached this button, focused by the user or not
      const reached = () => {
        lastKey.on = given.has(button) ? button : null;
      };
      listen(button, 'keydown', reached);
      listen(button, 'keyup', reached);
    },
    accepts(button, event) {
      // A pointer click says how many clicks it is; a keyboard or assistive-technology activation says 0
      if ((event as MouseEvent).detail !== 0) return true;
      const byKeyboard =
        (lastKey.key === 'Enter' || lastKey.key === ' ') && now() - lastKey.at < ACTIVATION_MS;
      return !byKeyboard || lastKey.on === button;
    },
    focusedByUser: (button) => given.has(button),
  };
}
