import { describe, expect, it, vi } from 'vitest';
import { registeredUi, registerUi, type UiApi } from '@/lib/content/resident/contract';
import { installUi } from '@/lib/content/ui/register';

function fakeUi(alive = true): UiApi {
  return {
    alive: () => alive,
    bind: vi.fn(),
    runDefault: vi.fn(),
    menu: vi.fn(),
    refresh: vi.fn(),
    askAboutThread: vi.fn(() => true),
    destroy: vi.fn(),
  };
}

describe('installUi', () => {
  it('should register the UI where the resident looks for it', () => {
    const scope = {};
    const ui = fakeUi();

    installUi(() => ui, scope);

    expect(registeredUi(scope)).toBe(ui);
  });

  it('should keep the first copy when injected twice', () => {
    const scope = {};
    const first = fakeUi();
    installUi(() => first, scope);
    const make = vi.fn(fakeUi);

    installUi(make, scope);

    expect(make).not.toHaveBeenCalled();
    expect(registeredUi(scope)).toBe(first);
  });

  it('should refresh the copy already there for the page now shown (the page watch injects again)', () => {
    const scope = {};
    const first = fakeUi();
    installUi(() => first, scope);
    expect(first.refresh).not.toHaveBeenCalled();

    installUi(fakeUi, scope);

    expect(first.refresh).toHaveBeenCalledOnce();
  });

  it('should replace, and end, a copy left by a reloaded extension', () => {
    const scope = {};
    const orphan = fakeUi(false);
    registerUi(orphan, scope);
    const fresh = fakeUi();

    installUi(() => fresh, scope);

    expect(orphan.destroy).toHaveBeenCalled();
    expect(registeredUi(scope)).toBe(fresh);
  });
});
