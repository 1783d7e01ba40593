import { z } from 'zod';
import { draftIdSchema } from '@/lib/compose/draft';
import { conversationListItemSchema } from '@/lib/conversations/list-item';
import { startInputSchema } from '@/lib/start-input';

/**
 * The one message contract between the background and everything else. Every request is a zod-validated
 * `{type, ...}` object; every reply is an envelope, so errors cross the boundary as data, never as rejections.
 * Requests are strict objects: an unknown field is a malformed message, not something to ignore.
 */

/** A user-facing error, as it crosses the message boundary. Mirrors `serializeError` in lib/api/errors. */
export const messageErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryAfterSeconds: z.number().optional(),
  limit: z.number().optional(),
  current: z.number().optional(),
  /** Which link the UI should offer next to the message. */
  action: z.enum(['options', 'conversations']).optional(),
  /** Where the `conversations` action leads: the server's home page, which lists recent conversations. */
  url: z.string().url().optional(),
});
export type MessageError = z.infer<typeof messageErrorSchema>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

export const startConversationRequest = z.strictObject({
  type: z.literal('conversation.start'),
  input: startInputSchema,
});
export const getConversationRequest = z.strictObject({
  type: z.literal('conversation.get'),
  id: z.string().min(1).max(100),
});
export const listConversationsRequest = z.strictObject({
  type: z.literal('conversation.list'),
  pageId: z.string().max(2000).optional(),
  refresh: z.boolean().optional(),
});
export const openOptionsRequest = z.strictObject({ type: z.literal('options.open') });
export const getSettingsRequest = z.strictObject({ type: z.literal('settings.get') });
export const saveSettingsRequest = z.strictObject({
  type: z.literal('settings.save'),
  serverUrl: z.string().url(),
  /** `undefined` keeps the stored key; `''` removes it. */
  apiKey: z.string().max(500).optional(),
  notifications: z.boolean(),
});
/** "Remove key" on the options page: forgets the key saved for one server. */
export const removeKeyRequest = z.strictObject({
  type: z.literal('settings.removeKey'),
  serverUrl: z.string().url(),
});
export const testConnectionRequest = z.strictObject({
  type: z.literal('connection.test'),
  /** The form's URL; absent: the saved server. */
  serverUrl: z.string().url().optional(),
  /** The typed key; absent or empty: the key saved for `serverUrl` (never another server's). */
  apiKey: z.string().max(500).optional(),
});
export const recentReposRequest = z.strictObject({ type: z.literal('repos.recent') });
/** The compose window asks for the selection it was opened for (extension pages only). */
export const getDraftRequest = z.strictObject({ type: z.literal('draft.get'), id: draftIdSchema });

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
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Requests a GitHub content script may send; everything else needs an extension page. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set([
  'conversation.start',
  'conversation.get',
  'options.open',
]);

/** Messages the background sends to a tab's content script. Never carries the key. */
export const tabMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('command.send-default') }),
]);
export type TabMessage = z.infer<typeof tabMessageSchema>;

/** What `settings.get`, `settings.save` and `settings.removeKey` answer: never a key itself. */
export interface SettingsView {
  serverUrl: string;
  notifications: boolean;
  /** Whether the saved server has a key. */
  hasKey: boolean;
  /** The saved server's key, e.g. `…a1b2`. */
  keyHint: string | null;
  /** Every saved key's hint by server origin: keys belong to one server each. */
  keyHints: Record<string, string>;
  isCloud: boolean;
}

/** What `connection.test` answers when the server and key were accepted. */
export interface ConnectionReport {
  serverUrl: string;
  apiVersion: 'v1' | 'v0';
  appMode: 'saas' | 'oss' | null;
  /** Which key answered on Cloud (`/api/keys/current`). */
  key: { name: string | null; orgId: string; boundOrgId: string | null } | null;
  /** One sentence for the options page. */
  summary: string;
}

/** What `conversation.list` answers. Server failures still answer, with what is known locally. */
export const conversationListReplySchema = z.object({
  /** The configured server, for links such as "Open OpenHands". */
  serverUrl: z.string(),
  /** Newest first: local records merged with one page of the server's list. */
  items: z.array(conversationListItemSchema),
  /** Pass back as `pageId` for older conversations; null on the last page. */
  nextPageId: z.string().nullable(),
  /** When the server's part of `items` was fetched; null when it could not be. Older when served from cache. */
  fetchedAt: z.string().nullable(),
  /** Why the server could not be asked (`no_key`, `unauthorized`, `offline`…); `items` are then local or cached. */
  serverError: messageErrorSchema.optional(),
});
export type ConversationListReply = z.infer<typeof conversationListReplySchema>;
