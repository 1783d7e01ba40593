import type { FollowedRecord } from '@/lib/conversations/follow';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import { type ItemConversation, type ItemKey, itemKey, parseItemKey } from '@/lib/conversations/item';
import type { MessageError } from '@/lib/errors/error';
import { isRepositoryName } from '@/lib/forges/github/repository-name';
import type { RequestType, Senders } from '@/lib/protocol/messages';

/*
 * THE PORT TABLE: every long-lived connection between a page and the background (`runtime.connect`), one row
 * each: its name (a fixed name, or a prefix and a key), who may open it, and, for one, the request it carries.
 * The background serves all of them from one `onConnect` listener (lib/background/ports/serve.ts): the name
 * says which row, the row says who may open it. Pages open them through one helper with one reconnect policy
 * (lib/protocol/watch.ts) and check what comes with lib/protocol/checks.ts. No zod here: the GitHub UI bundle
 * reads this table too. Adding a port is a row here and a server in lib/background/ports.
 *
 * "watch" means subscribe (the page hears about changes); a "follow-up" is a message sent to a conversation.
 */

type PortRow = {
  /** The whole name, or the part before the key. */
  name: string;
  from: Senders;
  /** Reads the key after `name`; the port has no key when absent. */
  key?: (raw: string) => string | null;
  /** The one request the page sends first on it (checked like any message, lib/protocol/messages.ts). */
  carries?: RequestType;
};

/** A record's id as a port names it: what `conversation.get` takes. */
const recordId = (raw: string) => (raw.length >= 1 && raw.length <= 100 ? raw : null);

/** `owner/repo#N`, lower-cased: GitHub's names are case-insensitive. */
function readItemKey(raw: string): ItemKey | null {
  if (raw.length > 220) return null;
  const item = parseItemKey(raw);
  if (!item || !isRepositoryName(item.repository) || !Number.isSafeInteger(item.number)) return null;
  return itemKey(item.repository, item.number);
}

export const PORTS = {
  /**
   * A page watches one record it started (the GitHub toast, until its start is done): the record when the port
   * opens and after each change the page can see. The page sends nothing.
   */
  record: { name: 'record.watch:', from: 'both', key: recordId },
  /**
   * A GitHub page watches one item's conversations (the status control): they are posted when it opens and
   * after each change, and kept fresh (batched polls) while it is open and one of them is not final. The page
   * closes it while hidden and sends nothing.
   */
  item: { name: 'item.watch:', from: 'github', key: readItemKey },
  /**
   * The popup watches the list while it shows something busy: the background keeps the cached first page
   * fresh, and the popup follows the cache in storage. Nothing is posted either way.
   */
  list: { name: 'list.watch', from: 'pages' },
  /**
   * One follow-up (lib/conversations/follow-up.ts): the page's first message is the request; the background
   * posts zero or more stages and exactly one result, then disconnects.
   */
  followUp: { name: 'follow-up', from: 'both', carries: 'followUp.send' },
} satisfies Record<string, PortRow>;

export type PortId = keyof typeof PORTS;

/** The key a port's name carries, as its row reads it (`''` for a port without one). */
export type PortKey<P extends PortId> = (typeof PORTS)[P] extends { key: (raw: string) => infer K | null }
  ? K
  : '';

/** What the background posts on each port (`never`: nothing). */
export type PortPosts = {
  record: RecordWatchMessage;
  item: ItemWatchMessage;
  list: never;
  followUp: FollowUpPortMessage;
};

/** The name a page opens a port with: `portName('item', key)`, `portName('list')`. */
export function portName(port: PortId, key = ''): string {
  return `${PORTS[port].name}${key}`;
}

/** Which port a name opens, and its key (`''` for a port without one); null for a name that is none of ours. */
export function parsePortName(name: string): { port: PortId; key: string } | null {
  // Keys are typed by their row (`PortKey`); here they are read generically
  for (const [port, row] of Object.entries(PORTS) as [PortId, PortRow][]) {
    if (!row.key) {
      if (name === row.name) return { port, key: '' };
      continue;
    }
    if (!name.startsWith(row.name)) continue;
    const key = row.key(name.slice(row.name.length));
    return key === null ? null : { port, key };
  }
  return null;
}

/** What the record port posts; `record` is null once the record is no longer stored. */
export type RecordWatchMessage = { type: 'conversation.record'; record: FollowedRecord | null };

/** What the item port posts: the item's conversations, newest first. */
export type ItemWatchMessage = {
  type: 'item.conversations';
  item: ItemKey;
  conversations: ItemConversation[];
};

/** What the follow-up port posts: a stage reached (the same one may come again), then one result. */
export type FollowUpPortMessage =
  | { type: 'followUp.progress'; stage: FollowUpStage }
  | {
      type: 'followUp.result';
      /** The reply envelope, as `runtime.sendMessage` would have answered (lib/protocol/messages.ts `Reply`). */
      reply: { ok: true; data: unknown } | { ok: false; error: MessageError };
    };
