import type { ConversationState } from '@/lib/conversations/state';

/*
 * A forge item (an issue or PR, `owner/repo#N`) and the conversations the background knows for it, as the
 * item's page shows them (the status control follows them over the item port, lib/protocol/ports.ts). No zod:
 * the GitHub UI bundle reads these.
 */

/** `owner/repo#N`, lower-cased owner and repository: GitHub's names are case-insensitive. */
export type ItemKey = `${string}/${string}#${number}`;

export function itemKey(repository: string, number: number): ItemKey {
  return `${repository.toLowerCase()}#${number}` as ItemKey;
}

const ITEM_KEY = /^([^/\s#]+\/[^/\s#]+)#([1-9]\d*)$/;

/** The repository and number of a key, or null when it is not one. */
export function parseItemKey(key: string): { repository: string; number: number } | null {
  const match = ITEM_KEY.exec(key);
  return match?.[1] ? { repository: match[1], number: Number(match[2]) } : null;
}

/** One conversation as an item's page shows it. */
export type ItemConversation = {
  /** The id of its stored record (lib/storage/conversations.ts): what follow-ups name. */
  id: string;
  /** Link to the conversation in OpenHands (a start task's page while it has no conversation yet). */
  url: string;
  title: string;
  state: ConversationState;
  /** While starting: the stage in words (startStageLabel), otherwise null. */
  stage: string | null;
  /** The PRs the conversation lists (`pr_number`), in the server's order. */
  pullNumbers: number[];
  /** `owner/repo` the conversation works on, as the server spells it. */
  repository: string | null;
  apiVersion: 'v1' | 'v0';
  createdAt: string;
  updatedAt: string;
  /** Polls of its server keep failing and are being retried (issue 17): the state shown may be old. */
  retrying: boolean;
  /** While `retrying`: when the server last answered about it (null before the first answer); else null. */
  lastAnswerAt: string | null;
};
