import type * as z from 'zod/mini';
import { type StorageItemKey, storage } from '#imports';

/**
 * One stored item (`@wxt-dev/storage`), checked with its schema on every read: a value that is missing or no
 * longer parses reads as `fallback`, so one unreadable item never breaks a page nor loses the other items.
 * Values are written as given: writers are typed, and the background validates what it builds.
 */
export interface StoredItem<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Removes the value; its version stays (in `<key>$`), so it is not migrated again. */
  removeValue(): Promise<void>;
  /** Calls back with each new value (checked like reads) until the returned function is called. */
  watch(callback: (value: T) => void): () => void;
}

export interface StoredItemOptions<S extends z.ZodMiniType> {
  schema: S;
  fallback: z.output<S>;
  /**
   * The shape's version. WXT keeps it in a `<key>$` meta entry; data stored without one (everything stored
   * before issue 11) counts as version 1. Raise it with each new shape and add the step in `migrations`.
   */
  version: number;
  /**
   * `n`: turns a version `n - 1` value into a version `n` one. WXT runs the missing steps once, when the item
   * is defined, and every read waits for them. A step that throws leaves the value as it was (reads then fall
   * back); returning null or undefined also keeps the value as it was.
   */
  migrations?: Record<number, (previous: unknown) => unknown>;
}

/**
 * Defines a stored item. Every item is defined in lib/storage, once: defining it reads storage and runs its
 * migrations in whichever context imports the module.
 */
export function defineStoredItem<S extends z.ZodMiniType>(
  key: StorageItemKey,
  { schema, fallback, version, migrations }: StoredItemOptions<S>,
): StoredItem<z.output<S>> {
  const item = storage.defineItem<unknown>(key, { fallback, version, migrations });
  const read = (raw: unknown): z.output<S> => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    key,
    fallback,
    getValue: async () => read(await item.getValue()),
    setValue: (value) => item.setValue(value),
    removeValue: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(read(value))),
  };
}
