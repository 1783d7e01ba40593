import { browser } from '#imports';
import { type FollowUpRequest, sendFollowUp, sentReviewItems } from '@/lib/background/follow-ups/follow-up';
import type { ApiKeyStore } from '@/lib/background/keys/api-keys';
import { listConversations } from '@/lib/background/list/list-conversations';
import { dedupeByKey } from '@/lib/background/messaging/dedupe';
import type { Handlers, OnProgress } from '@/lib/background/messaging/handle-message';
import { getConversation, loadConversations } from '@/lib/background/records/conversation-store';
import { recentRepositories } from '@/lib/background/records/recent-repos';
import { loadDraft, saveDraftEdits } from '@/lib/background/selection/drafts';
import { getSettingsView, removeKeyFromPage, saveSettingsFromPage } from '@/lib/background/settings/settings';
import { testConnection } from '@/lib/background/settings/test-connection';
import { createStarts, type Starts } from '@/lib/background/starts/starts';
import { loadBundle, THREADS_BUNDLE, UI_BUNDLE, type UiScripting } from '@/lib/background/tabs/load-ui';
import type { ConversationRecord } from '@/lib/conversations/record';
import type { StartInput } from '@/lib/conversations/start-input';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';

export interface BackgroundDeps {
  apiKeys: ApiKeyStore;
  fetch: typeof fetch;
  now(): Date;
  schedulePoll(): void;
  onRecords(records: ConversationRecord[]): Promise<void>;
  /** Each V1 page the popup's list fetched (the server scan adopts from it). */
  onServerPage?(serverUrl: ServerOrigin, conversations: AppConversation[]): Promise<void>;
  /** After each start: the server scan looks for the item's other conversations (at most once a minute). */
  afterStart?(): void;
  /** The starts journal (handlers/starts.ts); made here unless the caller also recovers with it. */
  starts?: Starts;
}

/** Identical starts within this window are one start (double clicks, repeated shortcuts). */
const DEDUPE_WINDOW_MS = 10_000;

/** Wires each message type to its handler. */
export function createHandlers(deps: BackgroundDeps): Handlers {
  const starts = deps.starts ?? createStarts(deps);
  const scripting: UiScripting = { executeScript: (injection) => browser.scripting.executeScript(injection) };
  const start = dedupeByKey(
    async ({ input, requestId }: { input: StartInput; requestId: string }) => {
      const record = await starts.start(input, requestId);
      await deps.onRecords(await loadConversations());
      deps.afterStart?.();
      return record;
    },
    ({ input }) => JSON.stringify(input),
    { windowMs: DEDUPE_WINDOW_MS },
  );
  // The same follow-up twice within the window (a double click, a page and its port) is delivered once; the
  // second caller gets the first one's result, without its stages.
  const followUp = dedupeByKey(
    ({ request, onProgress }: { request: FollowUpRequest; onProgress?: OnProgress }) =>
      sendFollowUp(request, deps, onProgress),
    ({ request }) => JSON.stringify([request.conversation, request.text]),
    { windowMs: DEDUPE_WINDOW_MS },
  );
  /** Another server or key: its conversations count on the badge, and polling stopped by a bad key resumes. */
  const afterAccountChange = async <T>(change: Promise<T>): Promise<T> => {
    const result = await change;
    await deps.onRecords(await loadConversations());
    deps.schedulePoll();
    return result;
  };
  return {
    'conversation.start': (request) =>
      start({ input: request.input, requestId: request.requestId ?? crypto.randomUUID() }),
    'conversation.get': (request) => getConversation(request.id),
    'conversation.list': (request) => listConversations(request, deps),
    'options.open': () => browser.runtime.openOptionsPage(),
    'ui.load': (_request, sender) => loadBundle(UI_BUNDLE, sender, scripting),
    'threads.load': (_request, sender) => loadBundle(THREADS_BUNDLE, sender, scripting),
    'settings.get': () => getSettingsView(deps.apiKeys),
    'settings.save': (request) => afterAccountChange(saveSettingsFromPage(request, deps.apiKeys)),
    'settings.removeKey': (request) => afterAccountChange(removeKeyFromPage(request, deps.apiKeys)),
    'connection.test': (request) => testConnection(request, deps),
    'repos.recent': async () => recentRepositories(await loadConversations()),
    'draft.get': (request) => loadDraft(request.id),
    'draft.save': (request) => saveDraftEdits(request.id, request.fields, deps.now()),
    'followUp.send': (request, _sender, onProgress) => followUp({ request, onProgress }),
    'followUp.sentReviewItems': (request) => sentReviewItems(request),
  };
}
