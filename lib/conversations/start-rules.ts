/*
 * The limits of a start request, in one place and without zod: the background's schema (start-input.ts)
 * and the GitHub content script (which must stay small) both read them from here.
 */

/** The server rejects nothing below this, and agents work poorly on more; longer messages are trimmed with a note. */
export const MAX_MESSAGE_CHARS = 30_000;

/** Longest conversation title the extension sends. */
export const MAX_TITLE_CHARS = 200;

/** The repository a start names: GitHub's `owner/repo` (lib/forges/github/repository-name.ts). */
export { REPOSITORY_PATTERN } from '@/lib/forges/github/repository-name';
