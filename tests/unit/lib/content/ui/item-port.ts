import type { ItemConversation, ItemKey } from '@/lib/conversations/item';
import { PORTS } from '@/lib/protocol/ports';
import { type FakePort, fakeRuntime } from '../../../../support/fake-ports';

/** One item port the page opened; the test plays the background's side. */
export type FakeItemPort = {
  item: ItemKey;
  readonly closed: boolean;
  /** The background posts the item's conversations. */
  post(conversations: ItemConversation[]): void;
  /** The port ends from the background's side (the worker stopped). */
  drop(): void;
  port: FakePort;
};

/**
 * A runtime for the UI whose item ports (lib/protocol/ports.ts `item`) the test plays the background of; other
 * ports (record, follow-up) are in `fake`.
 */
export function fakeItemPorts(onConnect?: (port: FakePort) => void) {
  const fake = fakeRuntime(onConnect);
  const prefix = PORTS.item.name;
  const asItemPort = (port: FakePort): FakeItemPort => {
    const item = port.name.slice(prefix.length) as ItemKey;
    return {
      item,
      port,
      get closed() {
        return port.disconnected;
      },
      post: (conversations) => port.emit({ type: 'item.conversations', item, conversations }),
      drop: () => port.end(),
    };
  };
  const ports = () => fake.ports.filter((port) => port.name.startsWith(prefix)).map(asItemPort);
  return {
    fake,
    runtime: fake.runtime,
    get ports() {
      return ports();
    },
    open: () => ports().filter((port) => !port.closed),
    last: () => ports().at(-1),
  };
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
