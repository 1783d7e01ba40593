import type { TabMessage } from '@/lib/messages';

/** The manifest command (wxt.config.ts `commands`) that runs the default action on an issue or PR page. */
export const SEND_DEFAULT_COMMAND = 'send-default';

/** What the background needs from `browser.tabs`. */
export type CommandTabs = {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: TabMessage): Promise<unknown>;
};

/**
 * Background: passes the keyboard command to the active tab's content script. The command grants `activeTab`,
 * so no `tabs` permission is needed. Tabs without our content script (not GitHub) make `sendMessage` reject,
 * which is expected and ignored.
 */
export async function forwardCommand(command: string, tabs: CommandTabs): Promise<void> {
  if (command !== SEND_DEFAULT_COMMAND) return;
  try {
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await tabs.sendMessage(tab.id, { type: 'command.send-default' });
  } catch {
    // No content script in that tab: nothing to run the command on.
  }
}

/**
 * Content script: whether a runtime message is our background asking for the default action. Only our own
 * extension, and not a tab (content scripts can't message each other, but stay strict), may ask.
 */
export function isSendDefaultMessage(
  message: unknown,
  sender: { id?: string; tab?: unknown },
  extensionId: string,
): boolean {
  if (sender.id !== extensionId || sender.tab !== undefined) return false;
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'command.send-default'
  );
}
