import { describe, expect, it, vi } from 'vitest';
import { registerSelectionMenu, SELECTION_MENU_ID } from '@/lib/background/selection/menu';

describe('registerSelectionMenu', () => {
  it('should create the selection item with its fixed id', async () => {
    const menus = { create: vi.fn(), remove: vi.fn(async () => {}) };
    await registerSelectionMenu(menus);
    expect(menus.create).toHaveBeenCalledWith({
      id: SELECTION_MENU_ID,
      title: 'Send selection to OpenHands',
      contexts: ['selection'],
    });
  });

  it('should replace an item left from before an update', async () => {
    const calls: string[] = [];
    const menus = {
      create: vi.fn(() => calls.push('create')),
      remove: vi.fn(async () => {
        calls.push('remove');
      }),
    };
    await registerSelectionMenu(menus);
    expect(calls).toEqual(['remove', 'create']);
  });

  it('should create the item when there was none to remove', async () => {
    const menus = {
      create: vi.fn(),
      remove: vi.fn(async () => {
        throw new Error(`Cannot find menu item with id ${SELECTION_MENU_ID}`);
      }),
    };
    await registerSelectionMenu(menus);
    expect(menus.create).toHaveBeenCalledOnce();
  });
});
