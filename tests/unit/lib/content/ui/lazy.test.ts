import { describe, expect, it, vi } from 'vitest';
import { lazy } from '@/lib/content/ui/lazy';

describe('lazy', () => {
  it('should make the value once, on first use', () => {
    const make = vi.fn(() => ({ n: 1 }));
    const get = lazy(make);
    expect(make).not.toHaveBeenCalled();
    expect(get.made).toBe(false);
    expect(get()).toBe(get());
    expect(make).toHaveBeenCalledTimes(1);
    expect(get.made).toBe(true);
  });
});
