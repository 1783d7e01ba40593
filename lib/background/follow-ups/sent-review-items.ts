import { MAX_RECORDS } from '@/lib/background/records/conversation-store';
import { type SentReviewItemsByConversation, sentReviewItemsItem } from '@/lib/storage/sent-review-items';

/*
 * What "Send new review comments" already sent to each conversation (by record id), so the next send carries
 * only what is new. Only the background writes it, and only after a follow-up was delivered: a failed send
 * leaves everything to be sent again.
 */

/** Ids kept per conversation: far more review comments than one pull request usually gets. */
export const MAX_SENT_IDS = 1_000;
/** Conversations remembered: as many as records are kept. */
export const MAX_SENT_CONVERSATIONS = MAX_RECORDS;

// One change at a time: two follow-ups delivered together must not lose each other's ids.
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(change: () => Promise<T>): Promise<T> {
  const run = queue.then(change);
  queue = run.catch(() => {});
  return run;
}

/** `stored` with `ids` added for `conversation`, both caps applied (oldest ids, least recent conversations first). */
export function withSent(
  stored: SentReviewItemsByConversation,
  conversation: string,
  ids: readonly string[],
  now: Date,
): SentReviewItemsByConversation {
  const fresh = new Set(ids);
  const kept = (stored[conversation]?.ids ?? []).filter((id) => !fresh.has(id));
  const next = {
    ...stored,
    [conversation]: { ids: [...kept, ...fresh].slice(-MAX_SENT_IDS), updatedAt: now.toISOString() },
  };
  const newestFirst = Object.entries(next).sort(([, a], [, b]) => b.updatedAt.localeCompare(a.updatedAt));
  return Object.fromEntries(newestFirst.slice(0, MAX_SENT_CONVERSATIONS));
}

/** Remembers that `ids` reached `conversation`. */
export function rememberSent(conversation: string, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return serialised(async () => {
    await sentReviewItemsItem.setValue(
      withSent(await sentReviewItemsItem.getValue(), conversation, ids, now),
    );
  });
}

/** Which of `ids` already reached `conversation`, in the order given. */
export async function alreadySent(conversation: string, ids: readonly string[]): Promise<string[]> {
  const sent = new Set((await sentReviewItemsItem.getValue())[conversation]?.ids ?? []);
  return ids.filter((id) => sent.has(id));
}
