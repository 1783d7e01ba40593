import { z } from 'zod';
import { cutMiddle } from '@/lib/compose/trim';

/**
 * A selection waiting in the compose window. It travels in `storage.session` (trusted contexts only, gone
 * when the browser restarts), not in the page URL: selections can be longer than a URL may be.
 */
export const draftSchema = z.object({
  text: z.string(),
  /** The page the text was selected on; may be empty or not a web address (e.g. `file:`). */
  url: z.string(),
  createdAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

/** Random ids from `crypto.randomUUID()`; anything else is refused before storage is read. */
export const draftIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

/** Longer selections are cut in the middle before they are stored: far beyond what a message may hold. */
export const MAX_DRAFT_CHARS = 100_000;

/** The key of a draft in `chrome.storage.session` (WXT: `session:<key>`). */
export const draftStorageKey = (id: string) => `draft-${id}`;

/** The compose page for a draft, relative to the extension's root (`runtime.getURL` takes it as is). */
export const composePagePath = (id: string) => `/compose.html?draft=${encodeURIComponent(id)}`;

/** Size of the compose popup window: room for a stack trace and the form without much scrolling. */
export const COMPOSE_WINDOW = { width: 560, height: 720 } as const;

/** How the menu handler opens the compose window for draft `id`; `getURL` is `runtime.getURL`. */
export function composeWindowData(id: string, getURL: (path: string) => string) {
  return { url: getURL(composePagePath(id)), type: 'popup' as const, ...COMPOSE_WINDOW };
}

/** A draft for `text` selected on `url`, capped at MAX_DRAFT_CHARS. */
export function newDraft(text: string, url: string, now: Date): Draft {
  return { text: cutMiddle(text, MAX_DRAFT_CHARS).text, url, createdAt: now.toISOString() };
}
