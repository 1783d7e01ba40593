import { OpenHandsError } from '@/lib/errors/error';
import { SPECIFIC_ERRORS } from '@/lib/errors/messages';
import type { ComposeFields, Draft } from '@/lib/storage/draft';
import { readAllDrafts, readDraft, removeDrafts, writeDraft } from '@/lib/storage/session-drafts';

/** Drafts untouched for longer than this are dropped when a new one is saved; the session area is small. */
const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** When a draft was created or last edited, in ms. */
const touchedAt = (draft: Draft) =>
  Math.max(Date.parse(draft.createdAt), draft.edits ? Date.parse(draft.edits.savedAt) : 0);

/**
 * Stores a draft for the compose window under a new random id, and drops stale ones. The same selection
 * sent again after the user edited it in a window they closed opens their edits, not a blank copy.
 */
export async function saveDraft(draft: Draft, id: string = crypto.randomUUID()): Promise<string> {
  const now = Date.parse(draft.createdAt);
  const drafts = await readAllDrafts();
  const stale = drafts.filter((entry) => !entry.draft || now - touchedAt(entry.draft) > DRAFT_TTL_MS);
  await removeDrafts(stale.map((entry) => entry.id));

  const edited = drafts
    .filter((entry) => !stale.includes(entry))
    .filter(({ draft: d }) => d?.edits && d.text === draft.text && d.url === draft.url)
    .sort((a, b) => touchedAt(b.draft as Draft) - touchedAt(a.draft as Draft))[0];
  if (edited) return edited.id;

  await writeDraft(id, draft);
  return id;
}

/** The draft the compose window was opened for; kept, so reloading the window shows it again. */
export async function loadDraft(id: string): Promise<Draft> {
  const draft = await readDraft(id);
  if (!draft) {
    const { code, message } = SPECIFIC_ERRORS.draftGone;
    throw new OpenHandsError(code, message);
  }
  return draft;
}

/** Keeps the compose form's current fields with draft `id`, so closing the window loses nothing. */
export async function saveDraftEdits(id: string, fields: ComposeFields, now: Date): Promise<null> {
  const draft = await loadDraft(id);
  const edited: Draft = { ...draft, edits: { ...fields, savedAt: now.toISOString() } };
  await writeDraft(id, edited);
  return null;
}
