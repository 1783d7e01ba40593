import type { ItemFeedHandlers } from '@/lib/content/ui/status/item-feed';
import type { ItemConversation, ItemKey } from '@/lib/conversations/item';

/** One item port the page opened; the test plays the background's side. */
export type FakeItemPort = {
  item: ItemKey;
  closed: boolean;
  /** The background posts the item's conversations. */
  post(conversations: ItemConversation[]): void;
  /** The port ends from the background's side (the worker stopped). */
  drop(): void;
};

/** A `connect` for the item watch that records every port it opens. */
export function fakeItemPorts() {
  const ports: FakeItemPort[] = [];
  const connect = (item: ItemKey, on: ItemFeedHandlers) => {
    const port: FakeItemPort = {
      item,
      closed: false,
      post: (conversations) => {
        if (!port.closed) on.conversations(conversations);
      },
      drop: () => {
        if (port.closed) return;
        port.closed = true;
        on.lost();
      },
    };
    ports.push(port);
    return {
      close: () => {
        port.closed = true;
      },
    };
  };
  const open = () => ports.filter((port) => !port.closed);
  return { ports, open, connect, last: () => ports.at(-1) };
}

/** A conversation of issue octo-org/hello-world#42 as the background posts it. */
export function itemConversation(overrides: Partial<ItemConversation> = {}): ItemConversation {
  return {
    id: 'rec-1',
    url: 'https://app.all-hands.dev/conversations/c1',
    title: 'Fix crash on startup',
    state: 'running',
    stage: null,
    pullNumbers: [],
    repository: 'octo-org/hello-world',
    apiVersion: 'v1',
    createdAt: '2026-11-28T10:00:00Z',
    updatedAt: '2026-11-28T10:05:00Z',
    retrying: false,
    lastAnswerAt: '2026-11-28T10:05:00Z',
    ...overrides,
  };
}
