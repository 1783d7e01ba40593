import type { StartInput } from '@/lib/conversations/start-input';
import { createOpenHandsError, toOpenHandsError } from '@/lib/errors/error';
import type { OpenHandsClient } from '@/lib/openhands/client';
import { normalizeId } from '@/lib/openhands/ids';
import type { AppConversationStartTask } from '@/lib/openhands/schemas-v1';
import { toStartRequestV1 } from '@/lib/openhands/start-request';

/**
 * How far back a start whose answer was lost may have been created: the request's own timeout plus room
 * for the server's clock being behind ours.
 */
export const LOST_START_WINDOW_MS = 5 * 60_000;
/** The search's page size: the most it allows, so a busy account's other starts don't hide ours. */
const SEARCH_LIMIT = 100;

export interface StartOnceOptions {
  now(): Date;
  /** Start tasks this extension already follows (any id form): never taken for the lost one. */
  knownTaskIds: readonly string[];
}

const isTimeout = (error: unknown) => toOpenHandsError(error).code === 'timeout';

/** The newest start created since `since` with the same title and repository, that we don't follow yet. */
async function findLostStart(
  client: OpenHandsClient,
  input: StartInput,
  since: Date,
  knownTaskIds: readonly string[],
): Promise<AppConversationStartTask | null> {
  const sent = toStartRequestV1(input);
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

/**
 * `POST /api/v1/app-conversations`, made safe to repeat: a POST that timed out may still have created the
 * start, so before trying again it looks for that start (start-tasks search) and takes it over. Only when
 * none is found does it post once more, and looks again if that times out too. One click, one conversation.
 */
export async function startOnce(
  client: OpenHandsClient,
  input: StartInput,
  { now, knownTaskIds }: StartOnceOptions,
): Promise<AppConversationStartTask> {
  const since = new Date(now().getTime() - LOST_START_WINDOW_MS);
  let lastTimeout: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await client.startConversation(input);
    } catch (error) {
      if (!isTimeout(error)) throw error;
      lastTimeout = error;
    }
    // If the search fails too, nothing is known: report the timeout rather than risk a second start.
    const lost = await findLostStart(client, input, since, knownTaskIds).catch(() => {
      throw lastTimeout;
    });
    if (lost) return checked(lost);
  }
  throw lastTimeout;
}
