import { browser } from '#imports';
import type { ConversationRecord } from '@/lib/conversations/record';

/** The badge counts conversations that are starting or running: "the agent is busy for me". */
export function badgeText(records: ConversationRecord[]): string {
  const busy = records.filter((r) => r.state === 'starting' || r.state === 'running').length;
  return busy > 0 ? String(busy) : '';
}

export async function updateBadge(records: ConversationRecord[]): Promise<void> {
  const text = badgeText(records);
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: '#0969da' });
  await browser.action.setTitle({
    title: text
      ? `Send to OpenHands — ${text} conversation${text === '1' ? '' : 's'} in progress`
      : 'Send to OpenHands',
  });
}
