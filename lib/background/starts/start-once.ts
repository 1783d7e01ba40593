import { MAY_HAVE_ARRIVED } from '@/lib/errors/codes';
import { createOpenHandsError, type OpenHandsError, toOpenHandsError } from '@/lib/errors/error';
import { uncertainReason } from '@/lib/errors/messages';
import type { OpenHandsClient } from '@/lib/openhands/client';
import { normalizeId } from '@/lib/openhands/ids';
import type { AppConversationStartRequest, AppConversationStartTask } from '@/lib/openhands/schemas-v1';

/**
 * How far back a start whose answer was lost may have been created: the request's own timeout plus room
 * for the server's clock being behind ours.
 */
export const LOST_START_WINDOW_MS = 5 * 60_000;
/** How far the server's clock may be behind ours when looking for a start recorded at a known time. */
const CLOCK_SKEW_MS = 60_000;
/** The search's page size: the most it allows, so a busy account's other starts don't hide ours. */
const SEARCH_LIMIT = 100;

export interface StartOnceOptions {
  now(): Date;
  /** Start tasks this extension already follows (any id form): never taken for the lost one. */
  knownTaskIds: readonly string[];
  /**
   * When a start of this input was recorded whose outcome is unknown (the worker stopped while its POST was on
   * its way, or the server never confirmed it): that start is looked for before anything is posted.
   */
  lostSince?: Date;
}

/** The newest start created since `since` with the same title and repository, that we don't follow yet. */
async function findLostStart(
  client: OpenHandsClient,
  sent: AppConversationStartRequest,
  since: Date,
  knownTaskIds: readonly string[],
): Promise<AppConversationStartTask | null> {
  const known = new Set(knownTaskIds.map(normalizeId));
  const page = await client.searchStartTasks({ createdSince: since, limit: SEARCH_LIMIT });
  return (
    page.items.find(
      (task) =>
        !known.has(normalizeId(task.id)) &&
        // A server that ignores the filter must not hand us an old start.
        (!task.created_at || Date.parse(task.created_at) >= since.getTime()) &&
        (task.request?.title ?? null) === (sent.title ?? null) &&
        task.request?.selected_repository === sent.selected_repository,
    ) ?? null
  );
}

/** An adopted start that already failed is reported like a POST that answered ERROR. */
function checked(task: AppConversationStartTask): AppConversationStartTask {
  if (task.status === 'ERROR')
    throw createOpenHandsError('start_failed', { detail: task.detail ?? undefined });
  return task;
}

/** The start may or may not exist: say so, never "try again" as if nothing had happened. */
export function unconfirmed(cause: OpenHandsError | undefined): OpenHandsError {
  const reason = cause && uncertainReason(cause.code);
  return createOpenHandsError('start_unconfirmed', reason ? { detail: reason } : {});
}

/**
 * `POST /api/v1/app-conversations`, made safe to repeat. A POST that may have arrived (no answer, a broken
 * connection, a server error, an unreadable answer) may still have created the start, so before anything else
 * it looks for that start (start-tasks search) and takes it over. When the search finds none, only a POST that
 * went unanswered is tried once more (the server may just be slow to answer), and looked for again if that
 * times out too; any other failure is then known to have started nothing and is reported as it is. When the
 * outcome stays unknown (the search fails too), `start_unconfirmed`. One click, one conversation.
 */
export async function startOnce(
  client: OpenHandsClient,
  body: AppConversationStartRequest,
  { now, knownTaskIds, lostSince }: StartOnceOptions,
): Promise<AppConversationStartTask> {
  const since = lostSince
    ? new Date(lostSince.getTime() - CLOCK_SKEW_MS)
    : new Date(now().getTime() - LOST_START_WINDOW_MS);
  const look = async (cause?: OpenHandsError) => {
    try {
      return await findLostStart(client, body, since, knownTaskIds);
    } catch {
      throw unconfirmed(cause);
    }
  };
  if (lostSince) {
    const lost = await look();
    if (lost) return checked(lost);
  }
  let uncertain: OpenHandsError | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await client.startConversation(body);
    } catch (error) {
      const failure = toOpenHandsError(error);
      if (!MAY_HAVE_ARRIVED.has(failure.code)) throw error;
      uncertain = failure;
    }
    const lost = await look(uncertain);
    if (lost) return checked(lost);
    if (uncertain.code !== 'timeout') throw uncertain;
  }
  throw unconfirmed(uncertain);
}
