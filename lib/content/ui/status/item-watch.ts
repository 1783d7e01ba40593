import { BUTTON_HOST_ATTRIBUTE } from '@/lib/content/resident/mount';
import type { Listen } from '@/lib/content/resident/trusted';
import { INSERTION_ANIMATION, watchNavigation } from '@/lib/content/resident/watch';
import type { UiPage } from '@/lib/content/ui/page';
import {
  createStatusControl,
  STATUS_HOST_ATTRIBUTE,
  type StatusControl,
} from '@/lib/content/ui/status/item-status';
import { type ItemConversation, type ItemKey, itemKey } from '@/lib/conversations/item';
import type { PageKind } from '@/lib/forges/forge';
import { readItemMessage } from '@/lib/protocol/checks';
import { portName } from '@/lib/protocol/ports';
import { type WatchDeps, watchPort } from '@/lib/protocol/watch';

export type ItemWatchDeps = WatchDeps & {
  doc: Document;
  win: Window;
  page: UiPage;
  /** For the page's own events (navigation, visibility), which page scripts dispatch: not trusted-only. */
  listen: Listen;
  /** For the control's user input: trusted-only. */
  userListen: Listen;
  /** The clock of the conversations' ages. */
  clock(): Date;
  /** The conversations of the current item changed (the caret menu's line, the confirm before a start). */
  onChange?(): void;
};

/** The item of the current page and what is known of its conversations (`null` until the first message). */
export type ItemSnapshot = {
  item: ItemKey;
  kind: PageKind;
  repository: string;
  conversations: readonly ItemConversation[] | null;
};

export type ItemWatch = {
  /** The page may have changed (navigation, a new injection, the button moved): follow the current item. */
  refresh(): void;
  /** The current item, or null on a page that is not an issue or PR. */
  readonly current: ItemSnapshot | null;
  /** Calls `callback` once the current item's conversations are known, or after `ms` at the latest. */
  whenKnown(callback: () => void, ms: number): void;
  readonly control: StatusControl | undefined;
  destroy(): void;
};

/**
 * Follows the conversations of the issue or PR the tab shows, over the item port, and keeps the status control
 * next to the "Send to OpenHands" button while there are any. The port is open only while the page is visible
 * and shows an issue or PR; on another item (soft navigation) the old port and control go. The button's host
 * moves with soft navigation and header re-renders: the control follows it (the resident's insertion
 * animation on the host, and a watch on the host's parent for the control itself).
 */
export function createItemWatch(deps: ItemWatchDeps): ItemWatch {
  const { doc } = deps;
  let current: ItemSnapshot | null = null;
  let feed: { close(): void } | undefined;
  let control: StatusControl | undefined;
  let parentWatch: MutationObserver | undefined;
  let waiters: (() => void)[] = [];
  let destroyed = false;

  const flushWaiters = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };

  const buttonHost = () => doc.querySelector(`[${BUTTON_HOST_ATTRIBUTE}]`);

  function unplace(): void {
    parentWatch?.disconnect();
    parentWatch = undefined;
    control?.remove();
  }

  /** Puts the control right after the button's host (or takes it away when there is nothing to show). */
  function place(): void {
    const conversations = current?.conversations;
    const host = buttonHost();
    if (!current || !conversations?.length || !host?.parentElement) {
      unplace();
      return;
    }
    control ??= createStatusControl({ listen: deps.userListen, now: deps.clock });
    control.render({ kind: current.kind, repository: current.repository, conversations });
    const own = control.host;
    own.setAttribute(STATUS_HOST_ATTRIBUTE, host.getAttribute(BUTTON_HOST_ATTRIBUTE) ?? '');
    for (const stray of doc.querySelectorAll(`[${STATUS_HOST_ATTRIBUTE}]`)) if (stray !== own) stray.remove();
    if (host.nextElementSibling !== own) host.after(own);
    const parent = host.parentElement;
    if (parentWatch && own.parentElement === parent) return;
    parentWatch?.disconnect();
    // GitHub's React may re-render the actions row without the control: put it back
    parentWatch = new MutationObserver(() => {
      if (control && (own.parentElement !== parent || host.nextElementSibling !== own)) place();
    });
    parentWatch.observe(parent, { childList: true });
  }

  function disconnect(): void {
    feed?.close();
    feed = undefined;
  }

  function connect(): void {
    if (!current || feed || doc.visibilityState === 'hidden' || destroyed) return;
    const item = current.item;
    // The port opens again by itself when the worker stops; after quick losses in a row it gives up until the
    // next navigation or the page shows again (lib/protocol/watch.ts)
    const watch = watchPort(deps, portName('item', item), {
      read: (message) => readItemMessage(message, item),
      message(list) {
        if (current?.item !== item) return;
        current = { ...current, conversations: list };
        place();
        deps.onChange?.();
        flushWaiters();
      },
      lost(_reason, final) {
        if (current?.item !== item) return;
        // Nothing may come for a while: a start need not wait for it
        flushWaiters();
        if (final && feed === watch) feed = undefined;
      },
    });
    feed = watch;
  }

  function refresh(): void {
    if (destroyed) return;
    const page = deps.page.current().item;
    const item = page ? itemKey(page.repository, page.number) : null;
    if (item !== current?.item) {
      disconnect();
      unplace();
      flushWaiters();
      current =
        page && item ? { item, kind: page.kind, repository: page.repository, conversations: null } : null;
      deps.onChange?.();
    }
    connect();
    place();
  }

  // Navigation: after the resident moved its button (it does so in a microtask after the same events)
  watchNavigation(deps.listen, deps.win, () => deps.win.requestAnimationFrame(refresh));
  deps.listen(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') disconnect();
    else connect();
  });
  // The resident's insertion watch animates its host each time it is (re)inserted: follow it
  deps.listen(doc, 'animationstart', (event) => {
    const target = event.target as Element;
    if (
      (event as AnimationEvent).animationName === INSERTION_ANIMATION &&
      target.hasAttribute?.(BUTTON_HOST_ATTRIBUTE)
    )
      place();
  });

  return {
    refresh,
    get current() {
      return current;
    },
    whenKnown(callback, ms) {
      if (!current || current.conversations !== null || !feed) return callback();
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        cancel();
        callback();
      };
      const cancel = deps.later(once, ms);
      waiters.push(once);
    },
    get control() {
      return control;
    },
    destroy() {
      destroyed = true;
      disconnect();
      unplace();
      waiters = [];
      current = null;
    },
  };
}
