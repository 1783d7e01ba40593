import { conversationUpdate, fetchUpdates, type RecordUpdate } from '@/lib/background/polling/fetch-updates';
import {
  afterFailedPoll,
  afterServerBack,
  heldBack,
  keepPolling,
  nextPollAt,
} from '@/lib/background/polling/policy';
import { loadConversations, updateConversations } from '@/lib/background/records/conversation-store';
import { type ConnectionDeps, withConnection } from '@/lib/background/settings/connection';
import { loadSettings } from '@/lib/background/settings/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isFinalState, isNotifyState } from '@/lib/conversations/state';
import { toOpenHandsError } from '@/lib/errors/error';
import { normalizeId } from '@/lib/openhands/ids';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';

export interface PollDeps extends ConnectionDeps {
  now(): Date;
  /** Shows a notification for a record that reached a state worth one (finished, error, …). */
  notify(record: ConversationRecord): Promise<void>;
  /** Called with every record after each poll, e.g. to update the toolbar badge. */
  onRecords(records: ConversationRecord[]): Promise<void>;
}

/** Applies what the server said, tracking when the state last changed and whether to keep polling. */
export function applyUpdate(record: ConversationRecord, update: RecordUpdate, now: Date): ConversationRecord {
  const next = { ...record, ...update, lastPolledAt: now.toISOString(), pollFailure: null };
  if (next.state !== record.state || next.startStatus !== record.startStatus)
    next.updatedAt = now.toISOString();
  next.polling = keepPolling(next, now.getTime());
  return next;
}

/**
 * Asks the server about `due` with as few calls as the API allows and stores what it said. When that fails,
 * the records `backOff` selects back off together. False when asking again cannot help until the user fixes
 * the key (saving settings or a new start polls again).
 */
async function pollBatch(
  due: ConversationRecord[],
  backOff: (r: ConversationRecord) => boolean,
  deps: PollDeps,
): Promise<boolean> {
  try {
    const updates = await withConnection(deps, ({ client }) => fetchUpdates(client, due));
    await saveUpdates(updates, deps);
  } catch (error) {
    const failure = toOpenHandsError(error);
    if (failure.code === 'no_key' || failure.code === 'unauthorized') return false;
    await saveFailure(backOff, (failure.retryAfterSeconds ?? 0) * 1000, deps);
  }
  return true;
}

/** Polls the records that are due. Returns the delay until the next poll, or null when nothing needs one. */
export async function pollOnce(deps: PollDeps): Promise<number | null> {
  const now = deps.now();
  const { serverUrl } = await loadSettings();
  // Records of another server cannot be polled with this server's key; they wait until it is back.
  const isPollable = (r: ConversationRecord) => r.polling && r.serverUrl === serverUrl;
  const pollable = (await loadConversations()).filter(isPollable);
  if (pollable.length === 0) return null;
  const due = pollable.filter((r) => nextPollAt(r) <= now.getTime());
  if (due.length > 0 && !(await pollBatch(due, isPollable, deps))) return null;
  const still = (await loadConversations()).filter(isPollable);
  if (still.length === 0) return null;
  return Math.max(1_000, Math.min(...still.map(nextPollAt)) - deps.now().getTime());
}

/**
 * Polls the records `ids` names that are due and not final, with one batch call (a page showing them: an
 * item's status control polls while visible even what the background stopped polling, e.g. a paused
 * conversation unchanged for a day). Due-ness is shared with `pollOnce`, so two callers never double up.
 */
export async function pollRecords(ids: readonly string[], deps: PollDeps): Promise<void> {
  const now = deps.now();
  const { serverUrl } = await loadSettings();
  const wanted = new Set(ids);
  const isWanted = (r: ConversationRecord) =>
    wanted.has(r.id) && r.serverUrl === serverUrl && !isFinalState(r.state);
  const due = (await loadConversations()).filter((r) => isWanted(r) && nextPollAt(r) <= now.getTime());
  if (due.length > 0) await pollBatch(due, isWanted, deps);
}

/** Asked of the server at once when a page opens, unless read this recently (issue 17). */
export const FRESH_MS = 5_000;

/**
 * A page showing these records just opened (an item page connected): the user looks now, so they are read at
 * once with one batch call, final states included (a finished conversation may be running again, a paused one
 * finished with a PR), unless they were read within FRESH_MS or the server asked for a pause (`Retry-After`).
 * Polling then goes on as usual.
 */
export async function refreshRecords(ids: readonly string[], deps: PollDeps): Promise<void> {
  const now = deps.now();
  const { serverUrl } = await loadSettings();
  const wanted = new Set(ids);
  const stale = (r: ConversationRecord) =>
    !r.lastPolledAt || now.getTime() - Date.parse(r.lastPolledAt) >= FRESH_MS;
  const due = (await loadConversations()).filter(
    (r) => wanted.has(r.id) && r.serverUrl === serverUrl && stale(r) && !heldBack(r, now.getTime()),
  );
  const asked = new Set(due.map((r) => r.id));
  if (due.length > 0) await pollBatch(due, (r) => asked.has(r.id), deps);
}

/**
 * A page of the server's conversations fetched anyway (the popup's list): the records it names learn their state
 * from it, without a request of their own, so the badge, the item pages and polling agree with what the popup
 * shows (a conversation running again is polled again).
 */
export async function applyServerPage(
  serverUrl: ServerOrigin,
  page: readonly AppConversation[],
  deps: Pick<PollDeps, 'now' | 'notify' | 'onRecords'>,
): Promise<void> {
  const byId = new Map(page.map((conversation) => [normalizeId(conversation.id), conversation]));
  const records = await loadConversations();
  const updates = new Map<string, RecordUpdate>();
  for (const record of records) {
    const conversation = record.conversationId && byId.get(normalizeId(record.conversationId));
    if (conversation && record.serverUrl === serverUrl)
      updates.set(record.id, conversationUpdate(conversation));
  }
  if (updates.size > 0) await saveUpdates(updates, deps);
}

/**
 * The server failed us: every record waiting on it backs off, so they come due together again and no call
 * goes out before its `Retry-After`.
 */
async function saveFailure(
  isPollable: (r: ConversationRecord) => boolean,
  retryAfterMs: number,
  deps: PollDeps,
) {
  const now = deps.now().getTime();
  const records = await updateConversations((records) => {
    const next = records.map((r) => (isPollable(r) ? afterFailedPoll(r, now, retryAfterMs) : r));
    return { records: next, result: next };
  });
  // Records that became "Status unknown" leave the badge.
  await deps.onRecords(records);
}

async function saveUpdates(
  updates: Map<string, RecordUpdate>,
  deps: Pick<PollDeps, 'now' | 'notify' | 'onRecords'>,
) {
  const now = deps.now();
  const toNotify: ConversationRecord[] = [];
  const records = await updateConversations((records) => {
    const next = records.map((record) => {
      const update = updates.get(record.id);
      if (!update) return record;
      const updated = applyUpdate(record, update, now);
      if (isNotifyState(updated.state) && updated.notifiedState !== updated.state) {
        updated.notifiedState = updated.state;
        toNotify.push(updated);
      }
      return updated;
    });
    return { records: next, result: next };
  });
  await deps.onRecords(records);
  for (const record of toNotify) await deps.notify(record);
}

/**
 * A request to `serverUrl` succeeded: records that were backing off from failed polls of it come due at once
 * (issue 17), unless the server asked for a pause. Returns whether any did (then poll now). No write otherwise.
 */
export async function serverAnswered(serverUrl: ServerOrigin, now: Date): Promise<boolean> {
  const at = now.getTime();
  const waiting = (r: ConversationRecord) => r.serverUrl === serverUrl && afterServerBack(r, at) !== r;
  if (!(await loadConversations()).some(waiting)) return false;
  await updateConversations((records) => ({
    records: records.map((r) => (waiting(r) ? afterServerBack(r, at) : r)),
    result: null,
  }));
  return true;
}
