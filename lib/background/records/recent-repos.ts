import type { ConversationRecord } from '@/lib/conversations/record';

/** Repositories of the user's own recent conversations, most recent first, without repeats. */
export function recentRepositories(records: ConversationRecord[], max = 10): string[] {
  const seen = new Set<string>();
  for (const record of [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    if (record.repository) seen.add(record.repository);
    if (seen.size >= max) break;
  }
  return [...seen];
}
