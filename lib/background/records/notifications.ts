import { browser } from '#imports';
import { getConversation } from '@/lib/background/records/conversation-store';
import { loadSettings } from '@/lib/background/settings/settings-store';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { stateLabel } from '@/lib/conversations/state';
import { forgeOfSource } from '@/lib/forges/forges';
import { t } from '@/lib/i18n';

/** The notification text for a record that reached a state worth telling the user about. */
export function notificationFor(record: ConversationRecord): { title: string; message: string } {
  const detail = record.state === 'error' && record.detail ? `: ${record.detail}` : '';
  const pulls = record.repository ? record.pullNumbers.map((n) => `PR #${n}`).join(', ') : '';
  const text = `${record.title}${record.repository ? ` (${record.repository})` : ''}${detail}`;
  // The PR goes first when the text is cut: it is what the user came for.
  return {
    title: t('background.notificationTitle', { state: stateLabel(record.state) }),
    message: pulls ? `${pulls} · ${text}`.slice(0, 300) : text.slice(0, 300),
  };
}

/**
 * The PR a conversation opened, if any: the first one it lists other than the PR it was started on (the user
 * knows that one; its news is in the conversation).
 */
export function openedPullUrl(record: ConversationRecord): string | null {
  const opened = record.pullNumbers.find((n) => n !== record.prNumber);
  return opened !== undefined && record.repository
    ? forgeOfSource(record.source.url).itemUrl(record.repository, 'pull', opened)
    : null;
}

/** Shows a notification unless the user turned them off. Its id is the record's, so a click finds it. */
export async function notify(record: ConversationRecord): Promise<void> {
  if (!(await loadSettings()).notifications) return;
  const { title, message } = notificationFor(record);
  await browser.notifications.create(record.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** One id for every short note, so a second note replaces the first instead of piling up. */
export const NOTE_NOTIFICATION_ID = 'send-to-openhands-note';

/**
 * A short note answering something the user just did (the keyboard shortcut), not a conversation update, so
 * it shows whatever the notification setting (which is about conversations) says. Clicking it just closes it.
 */
export async function notifyNote(note: { title: string; message: string }): Promise<void> {
  await browser.notifications.create(NOTE_NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: note.title,
    message: note.message,
  });
}

/**
 * Opens what a clicked notification was about: the PR the conversation opened when there is one (the
 * result to review; the PR links back to OpenHands' work), else the conversation. One behaviour everywhere:
 * Firefox has no notification buttons for a second choice.
 */
export async function openNotifiedConversation(notificationId: string): Promise<void> {
  const record = await getConversation(notificationId);
  if (record) await browser.tabs.create({ url: openedPullUrl(record) ?? recordUrl(record) });
  await browser.notifications.clear(notificationId);
}
