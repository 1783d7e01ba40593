import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply, Request } from '@/lib/protocol/messages';

/**
 * Stands in for the background: answers each message the page sends with `handler`'s reply, and records
 * the messages in order (the fake browser answers listeners that return `true` and call `sendResponse`).
 */
export function answerMessages(handler: (request: Request) => Reply<unknown> | Promise<Reply<unknown>>) {
  const received: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    received.push(message);
    Promise.resolve(handler(message)).then(sendResponse);
    return true;
  });
  return received;
}

/** The messages of one type among those received. */
export const ofType = <T extends Request['type']>(received: Request[], type: T) =>
  received.filter((r): r is Extract<Request, { type: T }> => r.type === type);
