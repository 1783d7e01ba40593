import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BUTTON_NAME,
  type ButtonHandlers,
  CARET_NAME,
  caretKeyRequest,
  createButton,
} from '@/lib/content/resident/button';
import type { Listen } from '@/lib/content/resident/trusted';

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

function mountButton() {
  const on: ButtonHandlers = { onDefault: vi.fn(), onMenu: vi.fn(), onApproach: vi.fn() };
  const button = createButton(listen, on);
  document.body.append(button.host);
  return { button, on };
}

afterEach(() => {
  document.body.replaceChildren();
});

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
    expect(button.main.textContent).toBe(BUTTON_NAME);
    expect(button.caret.getAttribute('aria-label')).toBe(CARET_NAME);
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
});
