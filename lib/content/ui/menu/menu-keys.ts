/**
 * Keyboard model of the open caret menu (WAI-ARIA menu button pattern), as a pure function so it is testable
 * without a DOM. What a key does on the caret itself is the resident's (`caretKeyRequest`).
 */

/** What a key does inside the open menu. `close.restoreFocus`: put focus back on the caret (Escape). */
export type MenuKeyAction =
  | { type: 'focus'; index: number }
  | { type: 'activate'; index: number }
  | { type: 'close'; restoreFocus: boolean }
  | { type: 'none' };

/** Arrows move with wrap-around, Home/End jump, Enter/Space activate, Escape closes, Tab leaves. */
export function menuKeyAction(key: string, index: number, count: number): MenuKeyAction {
  if (count < 1) return key === 'Escape' ? { type: 'close', restoreFocus: true } : { type: 'none' };
  const current = Math.min(Math.max(index, 0), count - 1);
  switch (key) {
    case 'ArrowDown':
      return { type: 'focus', index: index < 0 ? 0 : (current + 1) % count };
    case 'ArrowUp':
      return { type: 'focus', index: index < 0 ? count - 1 : (current - 1 + count) % count };
    case 'Home':
    case 'PageUp':
      return { type: 'focus', index: 0 };
    case 'End':
    case 'PageDown':
      return { type: 'focus', index: count - 1 };
    case 'Enter':
    case ' ':
      return index < 0 ? { type: 'none' } : { type: 'activate', index: current };
    case 'Escape':
      return { type: 'close', restoreFocus: true };
    case 'Tab':
      return { type: 'close', restoreFocus: false };
    default:
      return { type: 'none' };
  }
}
