import { serializeError } from '@/lib/api/errors';
import type { MessageError } from '@/lib/messages';

/**
 * An error as it crosses the message boundary. The concurrency limit asks the user to stop a conversation,
 * so it carries the link to the server's list: content scripts cannot know the server.
 */
export async function toMessageError(
  error: unknown,
  serverUrl: () => Promise<string>,
): Promise<MessageError> {
  const serialized = serializeError(error);
  if (serialized.action !== 'conversations') return serialized;
  return { ...serialized, url: `${await serverUrl()}/conversations` };
}
