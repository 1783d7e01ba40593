import { browser } from '#imports';
import { loadSettings } from '@/lib/background/settings/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import { isBusy } from '@/lib/conversations/state';
import { formatNumber, t } from '@/lib/i18n';
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
  const busy = Number(text || 0);
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: '#0969da' });
  await browser.action.setTitle({
    title: busy > 0 ? t('background.badge.busy', busy, [formatNumber(busy)]) : t('background.badge.idle'),
  });
}
