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
