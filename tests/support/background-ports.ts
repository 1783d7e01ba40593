import type { Sender } from '@/lib/background/messaging/sender';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { type PortServers, servePorts } from '@/lib/background/ports/serve';
import { readProgress } from '@/lib/protocol/checks';
import { MESSAGES } from '@/lib/protocol/messages';
import { readReply } from '@/lib/protocol/send';

/** This extension as the background's checks know it. */
export const SELF = { id: 'ours', baseUrl: 'chrome-extension://ours/' };
/** A GitHub tab's content script of this extension. */
export const GITHUB_TAB: Sender = {
  id: SELF.id,
  url: 'https://github.com/octo-org/hello-world/issues/42',
  tab: { id: 3 } as Sender['tab'],
};
/** This extension's popup. */
export const POPUP: Sender = {
  id: SELF.id,
  url: `${SELF.baseUrl}popup.html`,
  origin: 'chrome-extension://ours',
};

/** Senders no port may come from. */
export const STRANGERS: [string, Sender | null][] = [
  ['another extension', { ...GITHUB_TAB, id: 'theirs' }],
  ['a tab on another site', { ...GITHUB_TAB, url: 'https://evil.example/' }],
  ['nobody', null],
];

/** A port as `runtime.onConnect` hands it to the background; the test plays the page's side. */
export type PagePortFake = {
  port: BackgroundPort<unknown>;
  posted: unknown[];
  /** `disconnects`: how often the background called `disconnect`. */
  state: { disconnected: boolean; disconnects: number };
  /** The page posts `message`. */
  send(message: unknown): void;
  /** The page goes away. */
  leave(): void;
};

export function pagePort(
  name: string,
  sender: Sender | null,
  onPost?: (message: unknown) => void,
): PagePortFake {
  const posted: unknown[] = [];
  const fromPage = new Set<(message: unknown) => void>();
  const pageLeft = new Set<() => void>();
  const state = { disconnected: false, disconnects: 0 };
  const port: BackgroundPort<unknown> = {
    name,
    sender: sender ?? undefined,
    postMessage: (message) => {
      if (state.disconnected) throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
      onPost?.(message);
    },
    disconnect: () => {
      state.disconnected = true;
      state.disconnects++;
    },
    onMessage: {
      addListener: (listener) => fromPage.add(listener),
      removeListener: (listener) => fromPage.delete(listener),
    },
    onDisconnect: { addListener: (listener) => pageLeft.add(listener) },
  };
  return {
    port,
    posted,
    state,
    send: (message) => {
      for (const listener of [...fromPage]) listener(message);
    },
    leave: () => {
      state.disconnected = true;
      for (const listener of pageLeft) listener();
    },
  };
}

const unexpected = (row: string) => () => {
  throw new Error(`The ${row} port was not expected in this test`);
};

/**
 * The background's `onConnect` as the entrypoint wires it (lib/background/ports/serve.ts), with the servers a
 * test gives (the others throw): `connect(name, sender)` opens a port to it.
 */
export function backgroundPorts(servers: Partial<PortServers>) {
  const serve = servePorts(
    {
      record: unexpected('record'),
      item: unexpected('item'),
      list: unexpected('list'),
      followUp: unexpected('follow-up'),
      ...servers,
    },
    SELF,
  );
  return (name: string, sender: Sender | null = GITHUB_TAB) => {
    const page = pagePort(name, sender);
    serve(page.port);
    return page;
  };
}

/**
 * A follow-up port's message as the page reads it (lib/content/ui/follow-ups/follow-up-port.ts), its result's
 * data checked with the row's schema; throws for a message no page could read.
 */
export function asPageReadsIt(message: unknown) {
  const stage = readProgress(message);
  if (stage) return { type: 'followUp.progress' as const, stage };
  const { type, reply } = (message ?? {}) as { type?: unknown; reply?: unknown };
  if (type === 'followUp.result')
    return { type: 'followUp.result' as const, reply: readReply(reply, MESSAGES['followUp.send'].reply) };
  throw new Error(`No page could read ${JSON.stringify(message)}`);
}
