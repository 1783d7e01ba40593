import type { ConversationRecord } from '@/lib/conversations/record';
import { makeRecord } from '../../../factories/conversation-record';

/** A record as the background stores it right after a V1 start, for the page's progress toast. */
export function startingRecord(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  return makeRecord({ id: 'a1b2c3', taskId: 'a1b2c3', title: '#42: Fix crash on startup', ...overrides });
}
