import { serializeError } from '@/lib/errors/error';
import type { MessageError } from '@/lib/messages';

/**
 * An error as it crosses the message boundary. The concurrency limit asks the user to stop a conversation,
 * so it carries a link to the server's home page, which lists recent conversations (the web app has no
 * `/conversations` route): content scripts cannot know the server.
 */
export async function toMessageError(
  error: unknown,
  serverUrl: () => Promise<string>,
): Promise<MessageError> {
  const serialized = serializeError(error);
  if (serialized.action !== 'conversations') return serialized;
  return { ...serialized, url: `${await serverUrl()}/` };
}
