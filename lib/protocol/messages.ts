import * as z from 'zod/mini';
import { FOLLOW_PORT_PREFIX } from '@/lib/conversations/follow';
import { MAX_REVIEW_ITEMS } from '@/lib/conversations/follow-up';
import { followUpResultSchema, sentReviewItemsSchema } from '@/lib/conversations/follow-up-schema';
import { ITEM_PORT_PREFIX, type ItemKey, itemKey, parseItemKey } from '@/lib/conversations/item';
import { conversationListItemsSchema } from '@/lib/conversations/list-item';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { MAX_MESSAGE_CHARS, startInputSchema } from '@/lib/conversations/start-input';
import { type MessageError, messageErrorSchema } from '@/lib/errors/error';
import { isRepositoryName } from '@/lib/forges/github/repository-name';
import { composeFieldsSchema, draftIdSchema, draftSchema } from '@/lib/storage/draft';

/**
 * The one message contract between the background and everything else. Every request is a zod-validated
 * `{type, ...}` object; every reply is an envelope, so errors cross the boundary as data, never as rejections.
 * Requests are strict objects: an unknown field is a malformed message, not something to ignore. Replies have
 * schemas too, next to their requests: pages check what they receive (lib/protocol/send.ts) rather than trust it.
 * zod/mini, like every shape a page reads: zod classic would add ~20 KB gzip to each page.
 */

/** Errors cross the boundary as `MessageError` (lib/errors/error), built by `serializeError`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/**
 * The page's id for one user action (a click, a Send): a request that carries one may be sent again when its
 * answer was lost (the service worker stopped), and the background acts on it once (issue 17).
 */
export const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const startConversationRequest = z.strictObject({
  type: z.literal('conversation.start'),
  input: startInputSchema,
  requestId: z.optional(requestIdSchema),
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
/** The GitHub button's resident script asks for its UI bundle (menu, editor, toast), injected into its tab. */
export const loadUiRequest = z.strictObject({ type: z.literal('ui.load') });
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

/** A conversation this extension started: its record id, conversation id or start-task id. */
const conversationRefSchema = z.string().check(z.minLength(1), z.maxLength(100));
/** A review comment or review summary of a pull request, as the page names it (e.g. `discussion_r123`). */
const reviewItemIdSchema = z.string().check(z.minLength(1), z.maxLength(100));
/**
 * A follow-up to a conversation this extension started (lib/conversations/follow-up.ts). Sent as the first
 * message on a `follow-up` port to hear its stages, or with `runtime.sendMessage` for the result only.
 */
export const followUpRequest = z.strictObject({
  type: z.literal('followUp.send'),
  conversation: conversationRefSchema,
  text: z.string().check(z.trim(), z.minLength(1, 'The message is empty'), z.maxLength(MAX_MESSAGE_CHARS)),
  /** "Send new review comments": the ids this text carries, remembered as sent once it is delivered. */
  reviewItemIds: z.optional(z.array(reviewItemIdSchema).check(z.maxLength(MAX_REVIEW_ITEMS))),
  requestId: z.optional(requestIdSchema),
});
/** Which of `ids` were already sent to the conversation (in follow-ups that were delivered). */
export const sentReviewItemsRequest = z.strictObject({
  type: z.literal('followUp.sentReviewItems'),
  conversation: conversationRefSchema,
  ids: z.array(reviewItemIdSchema).check(z.maxLength(MAX_REVIEW_ITEMS)),
});

export const requestSchema = z.discriminatedUnion('type', [
  startConversationRequest,
  getConversationRequest,
  listConversationsRequest,
  openOptionsRequest,
  loadUiRequest,
  getSettingsRequest,
  saveSettingsRequest,
  removeKeyRequest,
  testConnectionRequest,
  recentReposRequest,
  getDraftRequest,
  saveDraftEditsRequest,
  followUpRequest,
  sentReviewItemsRequest,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Requests a GitHub content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set([
  'conversation.start',
  'options.open',
  // The caret menu: a follow-up to the item’s conversation, and "Send new review comments".
  'followUp.send',
  'followUp.sentReviewItems',
  'ui.load',
]);

/** Requests only a GitHub tab may send: they act on the tab that sent them. */
export const GITHUB_TAB_ONLY_TYPES: ReadonlySet<RequestType> = new Set(['ui.load']);

/**
 * A page follows one stored record over a port named `conversation.follow:<id>` (lib/conversations/follow);
 * the name gives the record's id. The page sends nothing on the port.
 */
export const followPortNameSchema = z.pipe(
  z.pipe(
    z.string().check(z.startsWith(FOLLOW_PORT_PREFIX)),
    z.transform((name: string) => name.slice(FOLLOW_PORT_PREFIX.length)),
  ),
  getConversationRequest.shape.id,
);

/**
 * A GitHub page follows the conversations of one item (issue or PR) over a port named `item.follow:<key>`
 * (lib/conversations/item.ts); the name gives the key, `owner/repo#N`, lower-cased here. GitHub tabs only.
 */
export const itemPortNameSchema = z.pipe(
  z.string().check(z.startsWith(ITEM_PORT_PREFIX), z.maxLength(ITEM_PORT_PREFIX.length + 220)),
  z.transform((name: string, ctx): ItemKey => {
    const item = parseItemKey(name.slice(ITEM_PORT_PREFIX.length));
    if (!item || !isRepositoryName(item.repository) || !Number.isSafeInteger(item.number)) {
      ctx.issues.push({ code: 'custom', message: 'Not an item key', input: name });
      return z.NEVER;
    }
    return itemKey(item.repository, item.number);
  }),
);

/**
 * The name of the port a page keeps open while it follows the list (the popup, while it lists something
 * busy). Nothing is sent on it: while it is open, the background keeps the cached first page fresh, and the
 * page follows the cache through `storage.onChanged`. Extension pages only.
 */
export const LIST_PORT = 'conversation.list.follow';

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

/** What `followUp.send` answers (also the `reply` of the port's last message). */
export const followUpReply = followUpResultSchema;
/** What `followUp.sentReviewItems` answers: the asked-for ids already sent, in the order asked. */
export const sentReviewItemsReply = sentReviewItemsSchema;

/** What `conversation.list` answers. Server failures still answer, with what is known locally. */
export const conversationListReplySchema = z.object({
  /** The configured server, for links such as "Open OpenHands". */
  serverUrl: z.string(),
  /** Newest first: local records merged with one page of the server's list (checked row by row). */
  items: conversationListItemsSchema,
  /** Pass back as `pageId` for older conversations; null on the last page. */
  nextPageId: z.nullable(z.string()),
  /** When the server's part of `items` was fetched; null when it could not be. Older when served from cache. */
  fetchedAt: z.nullable(z.string()),
  /** Why the server could not be asked (`no_key`, `unauthorized`, `offline`…); `items` are then local or cached. */
  serverError: z.optional(messageErrorSchema),
});
export type ConversationListReply = z.infer<typeof conversationListReplySchema>;
