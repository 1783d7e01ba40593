/*
 * The limits of a start request, in one place and without zod: the background's schema (lib/start-input)
 * and the GitHub content script (which must stay small) both read them from here.
 */

/** The server rejects nothing below this, and agents work poorly on more; longer messages are trimmed with a note. */
export const MAX_MESSAGE_CHARS = 30_000;

/** Longest conversation title the extension sends. */
export const MAX_TITLE_CHARS = 200;

/** `owner/repo` as GitHub allows it: letters, digits, `-`, `_`, `.`. */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
