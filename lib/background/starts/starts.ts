import { createJournal } from '@/lib/background/journal';
import { loadConversations } from '@/lib/background/records/conversation-store';
import { loadSettings } from '@/lib/background/settings/settings-store';
import { type StartDeps, startConversation } from '@/lib/background/starts/start-conversation';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import { toOpenHandsError } from '@/lib/errors/error';
import type { ServerOrigin } from '@/lib/server/origin';
import { pendingStartsItem } from '@/lib/storage/pending-starts';

/*
 * `conversation.start`, safe against a service worker that stops at any moment (issue 17). Each start carries
 * the page's request id (one per click). Before its POST leaves, the start is written to session storage; once
 * the server answers, the entry names the record. So:
 *   - the page that lost its answer (the worker stopped mid-request) sends the same request again, and gets
 *     the conversation: its entry names the record, or the new worker looks for the start on the server
 *     (start-tasks search) before it would post anything;
 *   - a new worker recovers unfinished entries by itself at start-up, so the conversation is followed (polled)
 *     even when the page went away;
 *   - a start whose outcome stays unknown (`start_unconfirmed`) keeps its entry: starting the same thing again
 *     looks for it first.
 * Entries older than PENDING_START_TTL_MS are dropped: a lost start is looked for only that far back.
 */

/** How long a start's entry is kept: longer than a request may take, short enough for the session area. */
export const PENDING_START_TTL_MS = 10 * 60_000;

export interface Starts {
  /** Starts `input` once for `requestId`, however often it is asked. */
  start(input: StartInput, requestId: string): Promise<ConversationRecord>;
  /** Looks for the starts a stopped worker left unfinished (at worker start-up); never throws. */
  recover(): Promise<void>;
}

const sameInput = (a: StartInput, b: StartInput) => JSON.stringify(a) === JSON.stringify(b);

export function createStarts(deps: StartDeps): Starts {
  const running = new Map<string, Promise<ConversationRecord>>();
  const journal = createJournal(pendingStartsItem, PENDING_START_TTL_MS, () => deps.now().getTime());

  /** An entry of this request, or else an unfinished one of the same input on the same server. */
  async function earlier(input: StartInput, requestId: string, serverUrl: ServerOrigin) {
    const entries = await journal.entries();
    const own = entries[requestId];
    if (own) return { id: requestId, entry: own };
    const twin = Object.entries(entries).find(
      ([, entry]) =>
        entry.recordId === null && entry.serverUrl === serverUrl && sameInput(entry.input, input),
    );
    return twin ? { id: twin[0], entry: twin[1] } : null;
  }

  async function run(input: StartInput, requestId: string): Promise<ConversationRecord> {
    const { serverUrl } = await loadSettings();
    const found = await earlier(input, requestId, serverUrl);
    const id = found?.id ?? requestId;
    // Stored already (the worker may have stopped between storing the record and noting it here)
    const records = await loadConversations();
    const stored = records.find((r) => r.requestId === id || (found && r.id === found.entry.recordId));
    if (stored) return stored;
    const lostSince = found ? new Date(found.entry.at) : undefined;
    if (!found) {
      const entry = { input, serverUrl, at: deps.now().toISOString(), recordId: null };
      await journal.update((entries) => {
        entries[id] = entry;
      });
    }
    try {
      const record = await startConversation(found?.entry.input ?? input, deps, { lostSince, requestId: id });
      await journal.update((entries) => {
        const entry = entries[id];
        if (entry) entries[id] = { ...entry, recordId: record.id };
      });
      return record;
    } catch (error) {
      // Known to have started nothing: nothing to look for later
      if (toOpenHandsError(error).code !== 'start_unconfirmed')
        await journal.update((entries) => {
          delete entries[id];
        });
      throw error;
    }
  }

  function start(input: StartInput, requestId: string): Promise<ConversationRecord> {
    const existing = running.get(requestId);
    if (existing) return existing;
    const started = run(input, requestId).finally(() => running.delete(requestId));
    running.set(requestId, started);
    return started;
  }

  return {
    start,
    async recover() {
      try {
        const entries = await journal.entries();
        const unfinished = Object.entries(entries).filter(([, entry]) => entry.recordId === null);
        await Promise.allSettled(unfinished.map(([id, entry]) => start(entry.input, id)));
      } catch {
        // Storage failed: the page's own retry, or the next start, tries again.
      }
    },
  };
}
