import type { StoredItem } from '@/lib/storage/stored-item';

/*
 * A journal in session storage of work the service worker has under way (starts, follow-ups), by the page's
 * request id: written before each request that may reach the server leaves, so a worker that the browser
 * stopped half-way leaves a note for the next one (lib/background/starts/starts.ts, handlers/follow-up.ts).
 */

export type Journal<E extends { at: string }> = {
  /** All entries younger than the journal's age limit. */
  entries(): Promise<Record<string, E>>;
  /** Applies `change` to the entries (one change at a time in this worker), dropping expired ones on the way. */
  update(change: (entries: Record<string, E>) => void): Promise<void>;
};

export function createJournal<E extends { at: string }>(
  item: StoredItem<Record<string, E>>,
  maxAgeMs: number,
  now: () => number,
): Journal<E> {
  let queue: Promise<unknown> = Promise.resolve();
  const fresh = (entries: Record<string, E>) => {
    const at = now();
    return Object.fromEntries(
      Object.entries(entries).filter(([, entry]) => at - Date.parse(entry.at) <= maxAgeMs),
    );
  };
  return {
    entries: async () => fresh(await item.getValue()),
    update(change) {
      const run = queue.then(async () => {
        const entries = fresh(await item.getValue());
        change(entries);
        await item.setValue(entries);
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
