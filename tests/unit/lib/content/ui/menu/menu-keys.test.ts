import { describe, expect, it } from 'vitest';
import { menuKeyAction } from '@/lib/content/ui/menu/menu-keys';

describe('menuKeyAction', () => {
  it.each([
    ['ArrowDown', 0, { type: 'focus', index: 1 }],
    ['ArrowDown', 2, { type: 'focus', index: 0 }],
    ['ArrowDown', -1, { type: 'focus', index: 0 }],
    ['ArrowUp', 0, { type: 'focus', index: 2 }],
    ['ArrowUp', 2, { type: 'focus', index: 1 }],
    ['ArrowUp', -1, { type: 'focus', index: 2 }],
    ['Home', 2, { type: 'focus', index: 0 }],
    ['End', 0, { type: 'focus', index: 2 }],
    ['Enter', 1, { type: 'activate', index: 1 }],
    [' ', 2, { type: 'activate', index: 2 }],
    ['Enter', -1, { type: 'none' }],
    ['Escape', 1, { type: 'close', restoreFocus: true }],
    ['Tab', 1, { type: 'close', restoreFocus: false }],
    ['x', 1, { type: 'none' }],
  ] as const)('should map %j at %i of 3 to %j', (key, index, expected) => {
    const actual = menuKeyAction(key, index, 3);

    expect(actual).toEqual(expected);
  });

  it('should only close an empty menu', () => {
    expect(menuKeyAction('ArrowDown', -1, 0)).toEqual({ type: 'none' });
    expect(menuKeyAction('Escape', -1, 0)).toEqual({ type: 'close', restoreFocus: true });
  });
});
