import { automatedReviewComments } from '@/lib/forges/github/selectors';

/*
 * Review comments GitHub renders from a React island (`react-partial[partial-name="automated-review-comment"]`:
 * Copilot, code-quality and other bot reviews). The page as served holds the thread's header, path and diff, but
 * the comment only in the island's JSON (`script[data-target="react-partial.embeddedData"]`: `props.comment`);
 * once GitHub's scripts run, the island also renders it. The rendered comment is read like any other; the JSON is
 * what is left when it is not rendered (yet). Read by hand: no zod in the GitHub bundles.
 */

/** What a comment island says of its comment. */
export type AutomatedComment = {
  author: string;
  /** Its title and message, as text. */
  body: string;
  /** The review comment's database id (`discussion_r<id>`), when the island names it. */
  number?: number;
};

const ISLAND = automatedReviewComments.join(', ');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Markdown or HTML as plain text: tags dropped, the usual entities read, blank lines kept. */
function plain(markup: string): string {
  return markup
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The comment an island in `scope` (or `scope` itself) holds in its JSON; null without one or unreadable. */
export function readAutomatedComment(scope: Element): AutomatedComment | null {
  const island = scope.matches(ISLAND) ? scope : scope.querySelector(ISLAND);
  const script = island?.querySelector('script[data-target="react-partial.embeddedData"]');
  let data: unknown;
  try {
    data = JSON.parse(script?.textContent ?? '');
  } catch {
    return null;
  }
  const comment = isRecord(data) && isRecord(data.props) ? data.props.comment : undefined;
  if (!isRecord(comment)) return null;
  const author = isRecord(comment.author) ? text(comment.author.login) : '';
  const automated = isRecord(comment.automatedComment) ? comment.automatedComment : {};
  const title = text(automated.title);
  const message = plain(text(automated.message) || text(comment.body) || text(comment.bodyHTML));
  const body = [title, message].filter(Boolean).join('\n\n');
  const id = comment.databaseId;
  const number = typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
  return { author, body, ...(number && { number }) };
}
