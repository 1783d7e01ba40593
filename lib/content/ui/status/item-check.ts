import type { ItemConversation, ItemKey } from '@/lib/conversations/item';
import { CONVERSATION_STATES } from '@/lib/conversations/state';

/*
 * The item port's messages (lib/conversations/item.ts), checked by hand: no zod in the GitHub bundles. Only
 * what the status control reads; a conversation that does not fit is left out, and the others still show.
 */

const STATES: ReadonlySet<string> = new Set(CONVERSATION_STATES);

const isString = (value: unknown): value is string => typeof value === 'string';
const isPullNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Whether `value` is a conversation as the status control shows it; its link must be a web address. */
export function isItemConversation(value: unknown): value is ItemConversation {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<keyof ItemConversation, unknown>;
  return (
    isString(c.id) &&
    c.id !== '' &&
    isString(c.url) &&
    /^https?:\/\//.test(c.url) &&
    isString(c.title) &&
    isString(c.state) &&
    STATES.has(c.state) &&
    (c.stage === null || isString(c.stage)) &&
    Array.isArray(c.pullNumbers) &&
    c.pullNumbers.every(isPullNumber) &&
    (c.repository === null || isString(c.repository)) &&
    (c.apiVersion === 'v1' || c.apiVersion === 'v0') &&
    isString(c.createdAt) &&
    isString(c.updatedAt) &&
    typeof c.retrying === 'boolean' &&
    (c.lastAnswerAt === null || isString(c.lastAnswerAt))
  );
}

/** The conversations of an `item.conversations` message for `item`; `undefined` for anything else. */
export function readItemMessage(message: unknown, item: ItemKey): ItemConversation[] | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, item: key, conversations } = message as Record<string, unknown>;
  if (type !== 'item.conversations' || key !== item || !Array.isArray(conversations)) return undefined;
  return conversations.filter(isItemConversation);
}
