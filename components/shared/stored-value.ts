import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StoredItem } from '@/lib/storage/stored-item';

/**
 * A stored item's value, read straight from storage (no message, no service worker) and then followed
 * through `storage.onChanged`: pages show what the background stores as soon as it stores it.
 */
export interface FollowedValue<T> {
  /** The latest value; undefined until the first read answers. */
  current(): T | undefined;
  subscribe(onChange: () => void): () => void;
  stop(): void;
}

/** Starts reading and following `item`, until `stop()`. */
export function followStoredValue<T>(item: StoredItem<T>): FollowedValue<T> {
  let latest: T | undefined;
  const listeners = new Set<() => void>();
  const set = (value: T) => {
    latest = value;
    for (const listener of listeners) listener();
  };
  // A change seen before the first read answers is newer than what that read returns.
  let changed = false;
  const unwatch = item.watch((value) => {
    changed = true;
    set(value);
  });
  item.getValue().then(
    (value) => !changed && set(value),
    () => !changed && set(item.fallback),
  );
  return {
    current: () => latest,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      unwatch();
      listeners.clear();
    },
  };
}

/** The followed value in a component, which renders again on every change. */
export function useFollowedValue<T>(followed: FollowedValue<T>): T | undefined {
  return useSyncExternalStore(followed.subscribe, followed.current);
}

/** Follows `item` while the component is mounted. */
export function useStoredValue<T>(item: StoredItem<T>): T | undefined {
  const [followed] = useState(() => followStoredValue(item));
  useEffect(() => () => followed.stop(), [followed]);
  return useFollowedValue(followed);
}
