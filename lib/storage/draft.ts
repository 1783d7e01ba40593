import * as z from 'zod/mini';
import { COMPOSE_ACTIONS, type ComposeAction } from '@/lib/prompts/selection-presets';
import { cutMiddle } from '@/lib/prompts/trim';

// Shapes and keys only, no `#imports`: the e2e tests import this module in Node.

/** Longer selections are cut in the middle before they are stored: far beyond what a message may hold. */
export const MAX_DRAFT_CHARS = 100_000;

/** Generous caps for the form's one-line fields, so a draft stays small whatever is pasted into them. */
const MAX_EDITED_LINE_CHARS = 10_000;

const composeActionIds = COMPOSE_ACTIONS.map((action) => action.id) as [ComposeAction, ...ComposeAction[]];

/** The compose form as the user left it. */
export const composeFieldsSchema = z.strictObject({
  text: z.string().check(z.maxLength(MAX_DRAFT_CHARS)),
  url: z.string().check(z.maxLength(MAX_EDITED_LINE_CHARS)),
  repository: z.string().check(z.maxLength(MAX_EDITED_LINE_CHARS)),
  branch: z.string().check(z.maxLength(MAX_EDITED_LINE_CHARS)),
  action: z.enum(composeActionIds),
});
export type ComposeFields = z.infer<typeof composeFieldsSchema>;

/**
 * A selection waiting in the compose window. It travels in `storage.session` (trusted contexts only, gone
 * when the browser restarts), not in the page URL: selections can be longer than a URL may be. Each draft
 * has its own key (lib/storage/session-drafts.ts reads and writes them).
 */
export const draftSchema = z.object({
  /** The selection as it was read: what the menu compares when the same text is sent again. */
  text: z.string(),
  /** The page the text was selected on; may be empty or not a web address (e.g. `file:`). */
  url: z.string(),
  createdAt: z.string(),
  /** What the user made of it in the compose window, kept as they type so closing the window loses nothing. */
  edits: z.optional(z.extend(composeFieldsSchema, { savedAt: z.string() })),
});
export type Draft = z.infer<typeof draftSchema>;

/** Random ids from `crypto.randomUUID()`; anything else is refused before storage is read. */
export const draftIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/));

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
