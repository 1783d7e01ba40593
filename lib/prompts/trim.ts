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
