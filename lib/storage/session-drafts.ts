import { storage } from '#imports';
import { type Draft, draftSchema, draftStorageKey } from '@/lib/storage/draft';

/*
 * Compose drafts in `storage.session`, one key per draft (`session:draft-<id>`): keys made at run time, so
 * not one `defineItem` but these helpers, which check every value read as stored items do. No version: the
 * session area is emptied when the browser restarts (Chrome also empties it on update), and a draft that no
 * longer parses reads as gone, like any unreadable one: the user selects the text again.
 */

const DRAFT_KEY = /^draft-([A-Za-z0-9-]+)$/;

const sessionKey = (id: string) => `session:${draftStorageKey(id)}` as const;

const readable = (value: unknown): Draft | null => {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** Draft `id`, or null when it is gone or no longer parses. */
export async function readDraft(id: string): Promise<Draft | null> {
  return readable(await storage.getItem(sessionKey(id)));
}

export async function writeDraft(id: string, draft: Draft): Promise<void> {
  await storage.setItem(sessionKey(id), draft);
}

/** Every stored draft by id; one that no longer parses is `null`. */
export async function readAllDrafts(): Promise<Array<{ id: string; draft: Draft | null }>> {
  const stored = await storage.snapshot('session');
  return Object.entries(stored).flatMap(([key, value]) => {
    const id = DRAFT_KEY.exec(key)?.[1];
    return id ? [{ id, draft: readable(value) }] : [];
  });
}

export async function removeDrafts(ids: string[]): Promise<void> {
  if (ids.length > 0) await storage.removeItems(ids.map(sessionKey));
}
