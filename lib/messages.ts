import * as z from 'zod/mini';
import { conversationListItemSchema } from '@/lib/conversations/list-item';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { startInputSchema } from '@/lib/conversations/start-input';
import { type MessageError, messageErrorSchema } from '@/lib/errors/error';
import { composeFieldsSchema, draftIdSchema, draftSchema } from '@/lib/storage/draft';

/**
 * The one message contract between the background and everything else. Every request is a zod-validated
 * `{type, ...}` object; every reply is an envelope, so errors cross the boundary as data, never as rejections.
 * Requests are strict objects: an unknown field is a malformed message, not something to ignore. Replies have
 * schemas too, next to their requests: pages check what they receive (lib/pages/send-message) rather than trust it.
 * zod/mini, like every shape a page reads: zod classic would add ~20 KB gzip to each page.
 */

/** Errors cross the boundary as `MessageError` (lib/errors/error), built by `serializeError`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

export const startConversationRequest = z.strictObject({
  type: z.literal('conversation.start'),
  input: startInputSchema,
});
export const getConversationRequest = z.strictObject({
  type: z.literal('conversation.get'),
  id: z.string().check(z.minLength(1), z.maxLength(100)),
});
export const listConversationsRequest = z.strictObject({
  type: z.literal('conversation.list'),
  pageId: z.optional(z.string().check(z.maxLength(2000))),
  refresh: z.optional(z.boolean()),
});
export const openOptionsRequest = z.strictObject({ type: z.literal('options.open') });
export const getSettingsRequest = z.strictObject({ type: z.literal('settings.get') });
export const saveSettingsRequest = z.strictObject({
  type: z.literal('settings.save'),
  serverUrl: z.url(),
  /** `undefined` keeps the stored key; `''` removes it. */
  apiKey: z.optional(z.string().check(z.maxLength(500))),
  notifications: z.boolean(),
});
/** "Remove key" on the options page: forgets the key saved for one server. */
export const removeKeyRequest = z.strictObject({
  type: z.literal('settings.removeKey'),
  serverUrl: z.url(),
});
export const testConnectionRequest = z.strictObject({
  type: z.literal('connection.test'),
  /** The form's URL; absent: the saved server. */
  serverUrl: z.optional(z.url()),
  /** The typed key; absent or empty: the key saved for `serverUrl` (never another server's). */
  apiKey: z.optional(z.string().check(z.maxLength(500))),
});
export const recentReposRequest = z.strictObject({ type: z.literal('repos.recent') });
/** The compose window asks for the selection it was opened for (extension pages only). */
export const getDraftRequest = z.strictObject({ type: z.literal('draft.get'), id: draftIdSchema });
/** The compose window keeps the user's edits with its draft as they type (extension pages only). */
export const saveDraftEditsRequest = z.strictObject({
  type: z.literal('draft.save'),
  id: draftIdSchema,
  fields: composeFieldsSchema,
});

export const requestSchema = z.discriminatedUnion('type', [
  startConversationRequest,
  getConversationRequest,
  listConversationsRequest,
  openOptionsRequest,
  getSettingsRequest,
  saveSettingsRequest,
  removeKeyRequest,
  testConnectionRequest,
  recentReposRequest,
  getDraftRequest,
  saveDraftEditsRequest,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Requests a GitHub content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set([
  'conversation.start',
  'conversation.get',
  'options.open',
]);

/**
 * The name of the port a page keeps open while it follows the list (the popup, while it lists something
 * busy). Nothing is sent on it: while it is open, the background keeps the cached first page fresh, and the
 * page follows the cache through `storage.onChanged`. Extension pages only.
 */
export const LIST_PORT = 'conversation.list.follow';

/** Messages the background sends to a tab's content script. Never carries the key. */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('command.send-default') }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

/** What `settings.get`, `settings.save` and `settings.removeKey` answer: never a key itself. */
export const settingsViewSchema = z.object({
  serverUrl: z.string(),
  notifications: z.boolean(),
  /** Whether the saved server has a key. */
  hasKey: z.boolean(),
  /** The saved server's key, e.g. `…a1b2`. */
  keyHint: z.nullable(z.string()),
  /** Every saved key's hint by server origin: keys belong to one server each. */
  keyHints: z.record(z.string(), z.string()),
  isCloud: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** What `connection.test` answers when the server and key were accepted. */
export const connectionReportSchema = z.object({
  serverUrl: z.string(),
  apiVersion: z.enum(['v1', 'v0']),
  appMode: z.nullable(z.enum(['saas', 'oss'])),
  /** Which key answered on Cloud (`/api/keys/current`). */
  key: z.nullable(
    z.object({ name: z.nullable(z.string()), orgId: z.string(), boundOrgId: z.nullable(z.string()) }),
  ),
  /** One sentence for the options page. */
  summary: z.string(),
});
export type ConnectionReport = z.infer<typeof connectionReportSchema>;

/** What `conversation.start` answers: the new record. */
export const startConversationReply = conversationRecordSchema;
/** What `conversation.get` answers: the record, or null when it is not (or no longer) stored. */
export const getConversationReply = z.nullable(conversationRecordSchema);
/** What `repos.recent` answers: `owner/repo` names, most recent first. */
export const recentReposReply = z.array(z.string());
/** What `draft.get` answers. */
export const getDraftReply = draftSchema;
/** What `draft.save` answers once the edits are stored. */
export const saveDraftEditsReply = z.null();

/** What `conversation.list` answers. Server failures still answer, with what is known locally. */
export const conversationListReplySchema = z.object({
  /** The configured server, for links such as "Open OpenHands". */
  serverUrl: z.string(),
  /** Newest first: local records merged with one page of the server's list. */
  items: z.array(conversationListItemSchema),
  /** Pass back as `pageId` for older conversations; null on the last page. */
  nextPageId: z.nullable(z.string()),
  /** When the server's part of `items` was fetched; null when it could not be. Older when served from cache. */
  fetchedAt: z.nullable(z.string()),
  /** Why the server could not be asked (`no_key`, `unauthorized`, `offline`…); `items` are then local or cached. */
  serverError: z.optional(messageErrorSchema),
});
export type ConversationListReply = z.infer<typeof conversationListReplySchema>;
