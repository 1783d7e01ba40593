import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ButtonHandlers, caretKeyRequest, createButton } from '@/lib/content/resident/button';
import type { Listen } from '@/lib/content/resident/trusted';
import { residentWords } from '../../../../support/i18n';

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

function mountButton() {
  const on: ButtonHandlers = { onDefault: vi.fn(), onMenu: vi.fn(), onApproach: vi.fn() };
  const button = createButton(
    listen,
    on,
    residentWords(() => fakeBrowser.i18n),
  );
  document.body.append(button.host);
  return { button, on };
}

afterEach(() => {
  document.body.replaceChildren();
});

/** The user presses Tab and the browser moves the focus to `element`. */
function userTabsTo(element: HTMLElement) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
  HTMLElement.prototype.focus.call(element);
}

/** A page script focuses `element` (the page's own `focus`, not our world's override). */
const pageFocuses = (element: HTMLElement) => HTMLElement.prototype.focus.call(element);

/** Enter on the focused element, as the browser delivers it: the key, then a click with `detail` 0. */
function pressEnter(on: HTMLElement) {
  const keydown = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true });
  on.dispatchEvent(keydown);
  on.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
}

describe('caretKeyRequest', () => {
  it.each([
    ['ArrowDown', 'first'],
    ['ArrowUp', 'last'],
    // Enter and Space click the <button>, which toggles the menu itself
    ['Enter', null],
    [' ', null],
    ['a', null],
  ])('should map %j to %j', (key, expected) => {
    const actual = caretKeyRequest(key);

    expect(actual).toBe(expected);
  });
});

describe('createButton', () => {
  it('should render the button and the caret with their accessible names, in a shadow root', () => {
    const { button } = mountButton();

    expect(button.host.shadowRoot).toBe(button.root);
    expect(button.main.textContent).toBe('Send to OpenHands');
    expect(button.caret.getAttribute('aria-label')).toBe('More OpenHands actions');
    expect(button.caret.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.caret.getAttribute('aria-expanded')).toBe('false');
    expect(button.root.querySelectorAll('button')).toHaveLength(2);
  });

  it('should run the default action on click, but not while busy', () => {
    const { button, on } = mountButton();

    button.main.click();
    button.setBusy(true);
    button.main.click();

    expect(on.onDefault).toHaveBeenCalledTimes(1);
    expect(button.main.getAttribute('aria-busy')).toBe('true');
    expect(button.main.getAttribute('aria-disabled')).toBe('true');

    button.setBusy(false);
    expect(button.main.getAttribute('aria-disabled')).toBe('false');
  });

  it('should ask for the menu on a caret click, ↓ and ↑', () => {
    const { button, on } = mountButton();
    const key = (k: string) =>
      button.caret.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

    button.caret.click();
    userTabsTo(button.caret);
    const arrowDown = key('ArrowDown');
    key('ArrowUp');
    key('x');

    expect(vi.mocked(on.onMenu).mock.calls).toEqual([['toggle'], ['first'], ['last']]);
    expect(arrowDown).toBe(false);
  });

  it('should say when the pointer or the focus reaches it', () => {
    const { button, on } = mountButton();

    button.host.dispatchEvent(new PointerEvent('pointerenter'));
    button.caret.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));

    expect(on.onApproach).toHaveBeenCalledTimes(2);
  });

  it('should keep key presses away from the page (GitHub hotkeys)', () => {
    const { button } = mountButton();
    const seen = vi.fn();
    document.addEventListener('keydown', seen);

    button.caret.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));

    document.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
  });

  describe('the keyboard, on a focus the page gave', () => {
    it('should ignore Enter on a button the page focused', () => {
      const { button, on } = mountButton();

      pageFocuses(button.main);
      pressEnter(button.main);

      expect(on.onDefault).not.toHaveBeenCalled();
    });

    it('should ignore the keystroke during which the page moved the focus to the button', () => {
      const { button, on } = mountButton();
      const box = document.body.appendChild(document.createElement('textarea'));
      box.addEventListener('keydown', () => pageFocuses(button.main));
      box.focus();

      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      button.main.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));

      expect(on.onDefault).not.toHaveBeenCalled();
    });

    it('should ignore ↓ on a caret the page focused', () => {
      const { button, on } = mountButton();

      pageFocuses(button.caret);
      button.caret.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));

      expect(on.onMenu).not.toHaveBeenCalled();
    });

    it('should take Enter on a button the user tabbed to, or our own code focused', () => {
      const { button, on } = mountButton();

      userTabsTo(button.main);
      pressEnter(button.main);
      button.main.blur();
      button.main.focus();
      pressEnter(button.main);

      expect(on.onDefault).toHaveBeenCalledTimes(2);
    });

    it('should take a pointer click and an activation by assistive technology whatever the focus', () => {
      const { button, on } = mountButton();
      pageFocuses(button.main);

      button.main.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1 }));
      button.main.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));

      expect(on.onDefault).toHaveBeenCalledTimes(2);
    });
  });
});
