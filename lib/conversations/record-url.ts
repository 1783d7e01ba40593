import type { ConversationRecord } from '@/lib/conversations/record';
import { conversationUrl, taskUrl } from '@/lib/server/origin';

/**
 * The web page of a record: the conversation itself once its id is known, else the start task's page (which
 * the web app redirects). Kept free of zod, so the content script can use it.
 */
export function recordUrl(
  record: Pick<ConversationRecord, 'serverUrl' | 'conversationId' | 'taskId' | 'id'>,
): string {
  if (record.conversationId) return conversationUrl(record.serverUrl, record.conversationId);
  return taskUrl(record.serverUrl, record.taskId ?? record.id);
}
