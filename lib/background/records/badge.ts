import { browser } from '#imports';
import { loadSettings } from '@/lib/background/settings/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isBusy } from '@/lib/conversations/state';
import type { ServerOrigin } from '@/lib/server/origin';

/**
 * The badge counts conversations on the current server that are starting or running: "the agent is busy for
 * me". Records of another server stay stored, but nothing follows them until that server is chosen again.
 */
export function badgeText(records: ConversationRecord[], serverUrl: ServerOrigin): string {
  const busy = records.filter((r) => r.serverUrl === serverUrl && isBusy(r.state)).length;
  return busy > 0 ? String(busy) : '';
}

export async function updateBadge(records: ConversationRecord[]): Promise<void> {
  const text = badgeText(records, (await loadSettings()).serverUrl);
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: '#0969da' });
  await browser.action.setTitle({
    title: text
      ? `Send to OpenHands — ${text} conversation${text === '1' ? '' : 's'} in progress`
      : 'Send to OpenHands',
  });
}
