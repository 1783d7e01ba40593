import { type ApiKeyStore, keyFingerprint } from '@/lib/background/keys/api-keys';
import { loadConversations } from '@/lib/background/records/conversation-store';
import { type Connection, type ConnectionDeps, withConnection } from '@/lib/background/settings/connection';
import { loadSettings } from '@/lib/background/settings/settings-store';
import { itemFromAppConversation, itemFromConversationInfoV0 } from '@/lib/conversations/list-item';
import type { ConversationListReply } from '@/lib/conversations/list-page';
import { listPageItems } from '@/lib/conversations/list-page';
import type { ServerPage } from '@/lib/conversations/merge';
import { type MessageError, serializeError } from '@/lib/errors/error';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';
import {
  type ListCache,
  type ListOwner,
  readListCache,
  sameOwner,
  writeListCache,
} from '@/lib/storage/list-cache';

export interface ListDeps extends ConnectionDeps {
  now(): Date;
  /**
   * Each V1 page fetched for the list, as the server sent it: the server scan adopts the conversations that
   * name a GitHub item from it (lib/background/records/server-scan.ts), without a request of its own.
   */
  onServerPage?(serverUrl: ServerOrigin, conversations: AppConversation[]): Promise<void>;
}

/** Conversations per server page. */
export const PAGE_SIZE = 20;
/** Without `refresh`, a server page younger than this is reused. */
export const CACHE_MAX_AGE_MS = 10_000;

/** Failures that mean the server's list must not be shown: it may belong to another account. */
const KEY_ERRORS = new Set(['no_key', 'unauthorized', 'forbidden']);

/** One page of the server's list, V1 search or V0 list. */
async function fetchPage(
  connection: Connection,
  pageId: string | undefined,
  deps: ListDeps,
): Promise<ServerPage> {
  const { client, serverUrl } = connection;
  if (connection.apiVersion === 'v0') {
    const page = await client.listConversationsV0({ limit: PAGE_SIZE, pageId });
    return {
      items: page.results.map((info) => itemFromConversationInfoV0(info, serverUrl)),
      nextPageId: page.next_page_id ?? null,
    };
  }
  const page = await client.searchConversations({ limit: PAGE_SIZE, pageId });
  // Adopting is a side matter: it must not cost the popup its list.
  await deps.onServerPage?.(serverUrl, page.items).catch(() => {});
  return {
    items: page.items.map((conversation) => itemFromAppConversation(conversation, serverUrl)),
    nextPageId: page.next_page_id ?? null,
  };
}

type Fetched = { page: ServerPage; error?: undefined } | { page?: undefined; error: MessageError };

async function fetchFromServer(deps: ListDeps, pageId?: string): Promise<Fetched> {
  try {
    return { page: await withConnection(deps, (connection) => fetchPage(connection, pageId, deps)) };
  } catch (error) {
    return { error: serializeError(error) };
  }
}

/** Whose list the saved settings fetch: the saved server, and a fingerprint of its key (never the key). */
async function currentOwner(apiKeys: ApiKeyStore): Promise<ListOwner> {
  const { serverUrl } = await loadSettings();
  const key = await apiKeys.read(serverUrl);
  return { serverUrl, keyId: key ? await keyFingerprint(key) : null };
}

/**
 * The first page: from the server, or from the cache when it is fresh enough or the server fails. Only a
 * cache of this server and key counts: another key may be another account.
 */
async function firstPage(
  request: { refresh?: boolean },
  deps: ListDeps,
  owner: ListOwner,
): Promise<{ server: ListCache['server']; serverError?: MessageError }> {
  const cache = await readListCache();
  const cached = cache && sameOwner(cache, owner) ? cache.server : null;
  const age = cached ? deps.now().getTime() - Date.parse(cached.fetchedAt) : Number.POSITIVE_INFINITY;
  if (!request.refresh && age >= 0 && age < CACHE_MAX_AGE_MS) return { server: cached };

  const { page, error } = await fetchFromServer(deps);
  if (page) return { server: { ...page, fetchedAt: deps.now().toISOString() } };
  // A rejected or missing key: show only what this extension started, never another account's list.
  if (KEY_ERRORS.has(error.code)) return { server: null, serverError: error };
  return { server: cached, serverError: error };
}

/**
 * The popup's list: this extension's records for the configured server merged with one page of the
 * server's list (V1 search, or V0 list on legacy servers). Never fails because of the server: the reply
 * then carries local and cached items and `serverError`.
 */
export async function listConversations(
  request: { pageId?: string; refresh?: boolean },
  deps: ListDeps,
): Promise<ConversationListReply> {
  const owner = await currentOwner(deps.apiKeys);
  const { serverUrl } = owner;
  const records = await loadConversations();

  if (request.pageId) {
    const { page, error } = await fetchFromServer(deps, request.pageId);
    if (!page) {
      // Keep the page id so "Load more" can be tried again.
      return { serverUrl, items: [], nextPageId: request.pageId, fetchedAt: null, serverError: error };
    }
    return {
      serverUrl,
      items: listPageItems(records, serverUrl, page),
      nextPageId: page.nextPageId,
      fetchedAt: deps.now().toISOString(),
    };
  }

  const { server, serverError } = await firstPage(request, deps, owner);
  const reply: ConversationListReply = {
    serverUrl,
    items: listPageItems(records, serverUrl, server),
    nextPageId: server?.nextPageId ?? null,
    fetchedAt: server?.fetchedAt ?? null,
    ...(serverError ? { serverError } : {}),
  };
  // The server or key may have changed while the server answered: never keep this list as the new one's.
  if (sameOwner(await currentOwner(deps.apiKeys), owner)) await writeListCache({ ...owner, server, reply });
  return reply;
}
