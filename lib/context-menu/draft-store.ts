import { storage } from '#imports';
import { OpenHandsError } from '@/lib/api/errors';
import { type Draft, draftSchema, draftStorageKey } from '@/lib/compose/draft';

/** Drafts older than this are dropped when a new one is saved; the session area is small. */
const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;
const DRAFT_KEY = /^draft-[A-Za-z0-9-]+$/;

/** Stores a draft for the compose window under a new random id, and drops stale ones. */
export async function saveDraft(draft: Draft, id: string = crypto.randomUUID()): Promise<string> {
  const now = Date.parse(draft.createdAt);
  const stored = await storage.snapshot('session');
  const stale = Object.entries(stored).filter(([key, value]) => {
    if (!DRAFT_KEY.test(key)) return false;
    const parsed = draftSchema.safeParse(value);
    return !parsed.success || now - Date.parse(parsed.data.createdAt) > DRAFT_TTL_MS;
  });
  if (stale.length > 0) await storage.removeItems(stale.map(([key]) => `session:${key}` as const));
  await storage.setItem(`session:${draftStorageKey(id)}`, draft);
  return id;
}

/** The draft the compose window was opened for; kept, so reloading the window shows it again. */
export async function loadDraft(id: string): Promise<Draft> {
  const parsed = draftSchema.safeParse(await storage.getItem(`session:${draftStorageKey(id)}`));
  if (!parsed.success) {
    throw new OpenHandsError(
      'not_found',
      'This selection is no longer available (the browser may have restarted). Select the text again and choose “Send selection to OpenHands”.',
    );
  }
  return parsed.data;
}
