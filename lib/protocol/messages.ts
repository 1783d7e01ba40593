import * as z from 'zod/mini';
import { MAX_REVIEW_ITEMS } from '@/lib/conversations/follow-up';
import { followUpResultSchema, sentReviewItemsSchema } from '@/lib/conversations/follow-up-schema';
import { conversationListReplySchema } from '@/lib/conversations/list-page';
import { conversationRecordSchema } from '@/lib/conversations/record';
import { MAX_MESSAGE_CHARS, startInputSchema } from '@/lib/conversations/start-input';
import type { MessageError } from '@/lib/errors/error';
import { storedOriginSchema } from '@/lib/server/origin-schema';
import { composeFieldsSchema, draftIdSchema, draftSchema } from '@/lib/storage/draft';

/*
 * THE MESSAGE TABLE: every request the background answers (`runtime.sendMessage`), one row each, with who may
 * send it, the request's fields and the reply's schema. The background admits requests with it (shape and
 * sender, lib/background/messaging/handle-message.ts); pages ask with it (`ask`, lib/protocol/ask.ts), which checks
 * each reply against its row; the GitHub UI bundle, which carries no zod, checks replies by hand with the checks
 * of lib/protocol/checks.ts, one per row a GitHub page may send (a unit test holds the two together). Adding a
 * message is a row here and a handler in lib/background/messaging/create-handlers.ts.
 *
 * Requests are strict objects: an unknown field is a malformed message, not something to ignore. Every reply is
 * an envelope (`Reply`), so errors cross the boundary as data. zod/mini: pages read these, and zod classic would
 * add ~20 KB gzip to each page.
 */

/** Who may send a message: this extension's pages (popup, options, compose), a GitHub tab's content script, or both. */
export type Senders = 'pages' | 'github' | 'both';

/** Errors cross the boundary as `MessageError` (lib/errors/error), built by `serializeError`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: MessageError };

/**
 * The page's id for one user action (a click, a Send): a request that carries one may be sent again when its
 * answer was lost (the service worker stopped), and the background acts on it once (issue 17).
 */
export const requestIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));
/** A conversation this extension started: its record id, conversation id or start-task id. */
const conversationRefSchema = z.string().check(z.minLength(1), z.maxLength(100));
/** A review comment or review summary of a pull request, as the page names it (e.g. `discussion_r123`). */
const reviewItemIdSchema = z.string().check(z.minLength(1), z.maxLength(100));

/** What `settings.get`, `settings.save` and `settings.removeKey` answer: never a key itself. */
export const settingsViewSchema = z.object({
  serverUrl: storedOriginSchema,
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
  serverUrl: storedOriginSchema,
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

/** One row: who may send it, the request's fields besides `type`, what it answers. */
type Row = { from: Senders; request: Record<string, z.ZodMiniType>; reply: z.ZodMiniType };
const row = <R extends Row>(definition: R) => definition;

export const MESSAGES = {
  /** Starts a conversation (the GitHub button, the compose window, a restart offered by a follow-up). */
  'conversation.start': row({
    from: 'both',
    request: { input: startInputSchema, requestId: z.optional(requestIdSchema) },
    reply: conversationRecordSchema,
  }),
  /** A stored record, or null when it is not (or no longer) stored. */
  'conversation.get': row({
    from: 'pages',
    request: { id: z.string().check(z.minLength(1), z.maxLength(100)) },
    reply: z.nullable(conversationRecordSchema),
  }),
  /** The popup's list; server failures still answer, with what is known locally. */
  'conversation.list': row({
    from: 'pages',
    request: { pageId: z.optional(z.string().check(z.maxLength(2000))), refresh: z.optional(z.boolean()) },
    reply: conversationListReplySchema,
  }),
  'options.open': row({ from: 'both', request: {}, reply: z.unknown() }),
  /** The GitHub button's resident script asks for its UI bundle, injected into the tab that asks and only there. */
  'ui.load': row({ from: 'github', request: {}, reply: z.null() }),
  /** The resident script asks for the review threads' buttons when a PR page shows threads (same rules). */
  'threads.load': row({ from: 'github', request: {}, reply: z.null() }),
  'settings.get': row({ from: 'pages', request: {}, reply: settingsViewSchema }),
  'settings.save': row({
    from: 'pages',
    request: {
      serverUrl: z.url(),
      /** `undefined` keeps the stored key; `''` removes it. */
      apiKey: z.optional(z.string().check(z.maxLength(500))),
      notifications: z.boolean(),
    },
    reply: settingsViewSchema,
  }),
  /** "Remove key" on the options page: forgets the key saved for one server. */
  'settings.removeKey': row({ from: 'pages', request: { serverUrl: z.url() }, reply: settingsViewSchema }),
  'connection.test': row({
    from: 'pages',
    request: {
      /** The form's URL; absent: the saved server. */
      serverUrl: z.optional(z.url()),
      /** The typed key; absent or empty: the key saved for `serverUrl` (never another server's). */
      apiKey: z.optional(z.string().check(z.maxLength(500))),
    },
    reply: connectionReportSchema,
  }),
  /** `owner/repo` names of the user's recent conversations, most recent first. */
  'repos.recent': row({ from: 'pages', request: {}, reply: z.array(z.string()) }),
  /** The compose window asks for the selection it was opened for. */
  'draft.get': row({ from: 'pages', request: { id: draftIdSchema }, reply: draftSchema }),
  /** The compose window keeps the user's edits with its draft as they type. */
  'draft.save': row({
    from: 'pages',
    request: { id: draftIdSchema, fields: composeFieldsSchema },
    reply: z.null(),
  }),
  /**
   * A follow-up to a conversation this extension started (lib/conversations/follow-up.ts): the first message on
   * a `follow-up` port, to hear its stages (lib/protocol/ports.ts), or sent alone for the result only.
   */
  'followUp.send': row({
    from: 'both',
    request: {
      conversation: conversationRefSchema,
      text: z
        .string()
        .check(z.trim(), z.minLength(1, 'The message is empty'), z.maxLength(MAX_MESSAGE_CHARS)),
      /** "Send new review comments": the ids this text carries, remembered as sent once it is delivered. */
      reviewItemIds: z.optional(z.array(reviewItemIdSchema).check(z.maxLength(MAX_REVIEW_ITEMS))),
      requestId: z.optional(requestIdSchema),
    },
    reply: followUpResultSchema,
  }),
  /** Which of `ids` were already sent to the conversation (in follow-ups that were delivered). */
  'followUp.sentReviewItems': row({
    from: 'both',
    request: {
      conversation: conversationRefSchema,
      ids: z.array(reviewItemIdSchema).check(z.maxLength(MAX_REVIEW_ITEMS)),
    },
    reply: sentReviewItemsSchema,
  }),
};

type Table = typeof MESSAGES;
export type RequestType = keyof Table;

/** A row's fields as the request carries them (none for an empty shape). */
type Fields<S extends Row['request']> = keyof S extends never ? unknown : z.output<z.ZodMiniObject<S>>;
/** The request of one row: its `type` and its fields. */
export type RequestOf<T extends RequestType> = { type: T } & Fields<Table[T]['request']>;
export type Request = { [T in RequestType]: RequestOf<T> }[RequestType];
/** What a row's request answers (inside the `Reply` envelope). */
export type ReplyOf<T extends RequestType> = z.output<Table[T]['reply']>;

const TYPES = Object.keys(MESSAGES) as RequestType[];

/** Every request the background answers, checked against its row. */
export const requestSchema = z.discriminatedUnion(
  'type',
  TYPES.map((type) => z.strictObject({ type: z.literal(type), ...MESSAGES[type].request })) as unknown as [
    z.ZodMiniObject<{ type: z.ZodMiniLiteral<RequestType> }>,
  ],
) as unknown as z.ZodMiniType<Request>;

/** Whether a sender of kind `kind` is among `from` (a message's or a port's, lib/protocol/ports.ts). */
export function allows(from: Senders, kind: 'pages' | 'github'): boolean {
  return from === 'both' || from === kind;
}

/** Whether a sender of kind `kind` may send a request of `type`. */
export function maySend(type: RequestType, kind: 'pages' | 'github'): boolean {
  return allows(MESSAGES[type].from, kind);
}

/** The requests a GitHub page's content script may send. */
export const GITHUB_TYPES: readonly RequestType[] = TYPES.filter((type) => maySend(type, 'github'));
