import type { ReplyCheck } from '@/lib/protocol/checks';
import {
  MESSAGES,
  type Reply,
  type ReplyOf,
  type RequestOf,
  type RequestType,
} from '@/lib/protocol/messages';
import { sendMessage } from '@/lib/protocol/send';

/*
 * Asking the background as an extension page, each reply checked with the zod schema of its row of the message
 * table. GitHub pages ask with `askFromGitHub` (ask-from-github.ts), which checks by hand: no zod there.
 */

/** Asks as an extension page: the reply is checked with its row's schema. Always resolves. */
export function ask<T extends RequestType>(request: RequestOf<T>): Promise<Reply<ReplyOf<T>>> {
  const check = MESSAGES[request.type].reply as unknown as ReplyCheck<ReplyOf<T>>;
  return sendMessage(request as never, check);
}
