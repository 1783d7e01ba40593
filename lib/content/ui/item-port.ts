import type { Listen } from '@/lib/content/resident/trusted';
import type { FollowPort } from '@/lib/content/ui/follow';
import { type ItemConversation, type ItemKey, itemKey, itemPortName } from '@/lib/conversations/item';
import { parseGitHubPage } from '@/lib/github/page';

/*
 * The page's end of an item port (`item.follow:<key>`, lib/conversations/item.ts): the conversations the
 * background knows for the issue or PR on screen, newest first. Messages are checked by hand (no zod in the
 * GitHub UI); one that does not fit is ignored, and the last good list stays.
 */

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || isString(value);

/** Whether `value` is an `ItemConversation` as far as this page reads it. */
export function isItemConversation(value: unknown): value is ItemConversation {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<keyof ItemConversation, unknown>;
  return (
    isString(c.id) &&
    c.id !== '' &&
    isString(c.url) &&
    /^https?:\/\//.test(c.url) &&
    isString(c.title) &&
    // States may grow on a newer background: the label falls back to the raw name
    isString(c.state) &&
    isStringOrNull(c.stage) &&
    Array.isArray(c.pullNumbers) &&
    c.pullNumbers.every((n) => Number.isSafeInteger(n)) &&
    isStringOrNull(c.repository) &&
    (c.apiVersion === 'v1' || c.apiVersion === 'v0') &&
    isString(c.createdAt) &&
    isString(c.updatedAt)
  );
}

/** The conversations of an `item.conversations` message for `key`; undefined for anything else. */
export function readItemMessage(message: unknown, key: ItemKey): ItemConversation[] | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, item, conversations } = message as Record<string, unknown>;
  if (type !== 'item.conversations' || item !== key || !Array.isArray(conversations)) return undefined;
  return conversations.every(isItemConversation) ? conversations : undefined;
}

export type ItemFeed = {
  /** The item's conversations, newest first; null until the background said. */
  readonly conversations: ItemConversation[] | null;
  /** False once closed, from either side. */
  readonly open: boolean;
  close(): void;
};

/**
 * Follows `key` over an item port: `onChange` gets every list the background posts. A port that ends from the
 * other side (the worker stopped) is not reopened here: the next navigation or visibility change does it.
 */
export function followItem(
  connect: (name: string) => FollowPort,
  key: ItemKey,
  onChange: (conversations: ItemConversation[]) => void,
): ItemFeed {
  let conversations: ItemConversation[] | null = null;
  let open = true;
  let port: FollowPort | undefined;
  try {
    port = connect(itemPortName(key));
    port.onMessage.addListener((message) => {
      const read = open ? readItemMessage(message, key) : undefined;
      if (!read) return;
      conversations = read;
      onChange(read);
    });
    port.onDisconnect.addListener(() => {
      open = false;
    });
  } catch {
    // The extension was reloaded: this copy of the UI can reach nothing
    open = false;
  }
  return {
    get conversations() {
      return conversations;
    },
    get open() {
      return open;
    },
    close() {
      if (!open) return;
      open = false;
      port?.disconnect();
    },
  };
}

/** The item key of an issue or PR page, or null for any other page. */
export function pageItemKey(href: string): ItemKey | null {
  const page = parseGitHubPage(href);
  return page ? itemKey(`${page.owner}/${page.repo}`, page.number) : null;
}

export type ItemWatchDeps = {
  connect(name: string): FollowPort;
  href(): string;
  doc: Document;
  /** Listens without the trusted-input filter: `visibilitychange` is never user input. */
  listen: Listen;
  onChange(): void;
};

export type ItemWatch = {
  /** The conversations of the item on screen, newest first; null while unknown (or not an item page). */
  conversations(): ItemConversation[] | null;
  /** The page may have changed (soft navigation, a new injection): follow the item now on screen. */
  refresh(): void;
  stop(): void;
};

/**
 * Follows the item on screen: one port at a time, moved on navigation, closed while the tab is hidden (the
 * background polls only while a port is open) and reopened when it is visible again.
 */
export function createItemWatch(deps: ItemWatchDeps): ItemWatch {
  let feed: ItemFeed | undefined;
  let key: ItemKey | null = null;
  const close = () => {
    feed?.close();
    feed = undefined;
  };
  const refresh = () => {
    const next = deps.doc.visibilityState === 'hidden' ? null : pageItemKey(deps.href());
    if (next === key && (feed?.open || next === null)) return;
    close();
    key = next;
    if (next) feed = followItem(deps.connect, next, () => deps.onChange());
    deps.onChange();
  };
  deps.listen(deps.doc, 'visibilitychange', refresh);
  return {
    conversations: () => (feed && key === pageItemKey(deps.href()) ? feed.conversations : null),
    refresh,
    stop: () => {
      close();
      key = null;
    },
  };
}
