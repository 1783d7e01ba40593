import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { defineStoredItem } from '@/lib/storage/stored-item';

const countSchema = z.object({ count: z.int() });

/** An item as lib/storage defines them; defined here, after the test stored what it starts from. */
const defineCount = (
  options: { version?: number; migrations?: Record<number, (old: unknown) => unknown> } = {},
) => defineStoredItem('local:count', { schema: countSchema, fallback: { count: 0 }, version: 1, ...options });

describe('defineStoredItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should read the fallback while nothing is stored', async () => {
    expect(await defineCount().getValue()).toEqual({ count: 0 });
  });

  it('should read what was written, and the fallback once it is removed', async () => {
    const item = defineCount();
    await item.setValue({ count: 3 });
    expect(await item.getValue()).toEqual({ count: 3 });
    await item.removeValue();
    expect(await item.getValue()).toEqual({ count: 0 });
  });

  it.each([
    ['a string', 'garbage'],
    ['a field of the wrong type', { count: 'three' }],
    ['an array', [1, 2]],
  ])('should read %s as the fallback', async (_name, stored) => {
    await fakeBrowser.storage.local.set({ count: stored });
    expect(await defineCount().getValue()).toEqual({ count: 0 });
  });

  it('should pass checked values to watchers', async () => {
    const item = defineCount();
    const seen: unknown[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.setValue({ count: 1 });
    await fakeBrowser.storage.local.set({ count: 'unreadable' });
    unwatch();
    await item.setValue({ count: 2 });
    expect(seen).toEqual([{ count: 1 }, { count: 0 }]);
  });

  it('should migrate a value stored without a version once, as version 1', async () => {
    await fakeBrowser.storage.local.set({ count: 7 });
    const toV2 = vi.fn((old: unknown) => ({ count: old }));
    expect(await defineCount({ version: 2, migrations: { 2: toV2 } }).getValue()).toEqual({ count: 7 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ count: { count: 7 }, count$: { v: 2 } });

    expect(await defineCount({ version: 2, migrations: { 2: toV2 } }).getValue()).toEqual({ count: 7 });
    expect(toV2).toHaveBeenCalledTimes(1);
  });

  it('should record the version with the first value written, so it is never migrated as version 1', async () => {
    const toV2 = vi.fn((old: unknown) => ({ count: old }));
    const fresh = defineCount({ version: 2, migrations: { 2: toV2 } });
    await fresh.setValue({ count: 5 });
    expect(await fakeBrowser.storage.local.get('count$')).toEqual({ count$: { v: 2 } });

    expect(await defineCount({ version: 2, migrations: { 2: toV2 } }).getValue()).toEqual({ count: 5 });
    expect(toV2).not.toHaveBeenCalled();
  });

  it('should keep the value when a migration fails, and read it as the fallback', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ count: 7 });
    const failing = () => {
      throw new Error('cannot');
    };
    expect(await defineCount({ version: 2, migrations: { 2: failing } }).getValue()).toEqual({ count: 0 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ count: 7 });
  });
});
