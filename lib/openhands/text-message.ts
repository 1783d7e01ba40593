import type { AppSendMessageRequest, PendingMessageRequest } from '@/lib/openhands/schemas-v1';

/*
 * The bodies that carry a user's text to a conversation after it started. Text only: the extension sends no
 * images.
 */

const textContent = (text: string) => [{ type: 'text' as const, text }];

/** `AppSendMessageRequest`: the agent runs on the message at once. */
export function toSendMessageRequest(text: string): AppSendMessageRequest {
  return { role: 'user', content: textContent(text), run: true };
}

/** The pending-messages body: posted with `run: true` by the server itself once the start is READY. */
export function toPendingMessageRequest(text: string): PendingMessageRequest {
  return { role: 'user', content: textContent(text) };
}
