/*
 * Fitting page text into a message. Plain TS: the GitHub content script and the compose window both use it.
 */

/** Enough for a detailed issue; longer bodies (logs, dumps) crowd out the task, and the agent can fetch them. */
export const MAX_BODY_CHARS = 8_000;

/**
 * `body` cut to `max` characters (at a line or word break when one is near), with a visible note that
 * tells the agent where to read the rest.
 */
export function trimBody(body: string, url: string, max = MAX_BODY_CHARS): string {
  if (body.length <= max) return body;
  const cut = body.slice(0, max);
  // Prefer a clean break in the last 10% over cutting a word or a code line in half
  const breakAt = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  const shown = (breakAt > max * 0.9 ? cut.slice(0, breakAt) : cut).trimEnd();
  return `${shown}\n\n[Body trimmed: ${shown.length} of ${body.length} characters shown — read the full text at ${url}]`;
}

/** The marker left where text was cut, e.g. `[… 1,234 characters cut …]`. */
export const cutMarker = (count: number) => `\n\n[… ${count.toLocaleString('en-US')} characters cut …]\n\n`;

/**
 * Fits `text` into `max` characters by cutting out its middle, marked: the start of a log or stack trace
 * says what failed, its end often says why, so both are kept. `cut` is how many characters were removed.
 */
export function cutMiddle(text: string, max: number): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  // The marker's own length depends on the count; a digit or two of slack keeps the result within `max`.
  const marker = cutMarker(text.length);
  const keep = Math.max(0, max - marker.length);
  const head = Math.ceil(keep / 2);
  const tail = keep - head;
  const cut = text.length - keep;
  return { text: `${text.slice(0, head)}${cutMarker(cut)}${text.slice(text.length - tail)}`, cut };
}

/** A one-line `text` shortened with an ellipsis to at most `max` characters (titles). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
