import { isGitHubHost } from '@/lib/github/hosts';
import type { TabMessage } from '@/lib/messages';

/** The manifest command (wxt.config.ts `commands`) that runs the default action on an issue or PR page. */
export const SEND_DEFAULT_COMMAND = 'send-default';

/** What the background needs from `browser.tabs`. */
export type CommandTabs = {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: TabMessage): Promise<unknown>;
};

/** A short browser notification. Fixed text only: nothing from the tab, the settings or the key. */
export type CommandNote = { title: string; message: string };

export type CommandDeps = {
  tabs: CommandTabs;
  /** Tells the user why the command did nothing in this tab. */
  notify(note: CommandNote): Promise<void>;
};

const NOTHING_SENT = 'Nothing was sent to OpenHands';

/**
 * Why the command found no content script in the tab: on github.com the page predates the extension (installed,
 * updated or reloaded since), anywhere else there is nothing to send.
 */
export function commandUnavailableNote(tabUrl: string | undefined): CommandNote {
  let onGitHub = false;
  try {
    onGitHub = tabUrl !== undefined && isGitHubHost(new URL(tabUrl).hostname);
  } catch {
    // Not a URL: not GitHub
  }
  return {
    title: NOTHING_SENT,
    message: onGitHub
      ? 'Reload this GitHub page, then press the shortcut again.'
      : 'Open a GitHub issue or pull request to send it to OpenHands.',
  };
}

/**
 * Background: passes the keyboard command to the active tab's content script, which runs the default action or
 * says what to open. The command grants `activeTab`, so no `tabs` permission is needed. A tab without our
 * content script (not GitHub) makes `sendMessage` reject: a notification then says so, since the page can't.
 */
export async function forwardCommand(command: string, deps: CommandDeps): Promise<void> {
  if (command !== SEND_DEFAULT_COMMAND) return;
  const [tab] = await deps.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  const delivered =
    tab?.id !== undefined &&
    (await deps.tabs.sendMessage(tab.id, { type: 'command.send-default' }).then(
      () => true,
      () => false,
    ));
  if (!delivered) await deps.notify(commandUnavailableNote(tab?.url)).catch(() => {});
}
