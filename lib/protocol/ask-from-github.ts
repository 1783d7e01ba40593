import {
  GITHUB_REPLY_CHECKS,
  type GitHubReplyOf,
  type GitHubRequestType,
  type ReplyCheck,
} from '@/lib/protocol/checks';
import type { Reply, RequestOf } from '@/lib/protocol/messages';
import { sendMessage } from '@/lib/protocol/send';

/** `askFromGitHub`'s type, for the GitHub UI's dependencies (tests give their own). */
export type AskFromGitHub = <T extends GitHubRequestType>(
  request: RequestOf<T>,
) => Promise<Reply<GitHubReplyOf<T>>>;

/**
 * Asks as a GitHub page's UI bundle: the reply is checked by hand (no zod in GitHub bundles) with the check of
 * its row (lib/protocol/checks.ts). Always resolves.
 */
export const askFromGitHub: AskFromGitHub = (request) => {
  const check = GITHUB_REPLY_CHECKS[request.type] as ReplyCheck<never>;
  return sendMessage(request as never, check);
};
