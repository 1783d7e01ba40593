import { forgeOf } from '@/lib/forges/forges';
import { t } from '@/lib/i18n';
import { RESIDENT_COMMAND_GLOBAL, SEND_DEFAULT_COMMAND } from '@/lib/protocol/commands';

export { SEND_DEFAULT_COMMAND };

/** What the background needs from `browser.tabs`. */
export type CommandTabs = {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number; url?: string }[]>;
};

/** What the background needs from `browser.scripting`: a function run in the tab's isolated world. */
export type CommandScripting = {
  executeScript(injection: {
    target: { tabId: number };
    func: (name: string) => boolean;
    args: [string];
  }): Promise<{ result?: unknown }[]>;
};

/** A short browser notification. Fixed text only: nothing from the tab, the settings or the key. */
export type CommandNote = { title: string; message: string };

export type CommandDeps = {
  tabs: CommandTabs;
  scripting: CommandScripting;
  /** Tells the user why the command did nothing in this tab. */
  notify(note: CommandNote): Promise<void>;
};

/**
 * Why the command found no content script in the tab: on a forge's page, the page predates the extension
 * (installed, updated or reloaded since); anywhere else there is nothing to send.
 */
export function commandUnavailableNote(tabUrl: string | undefined): CommandNote {
  const forge = tabUrl === undefined ? null : forgeOf(tabUrl);
  return {
    title: t('background.command.nothingSent'),
    message: forge ? t('background.command.reload', { forge: forge.name }) : t('background.command.openItem'),
  };
}

/**
 * Runs in the tab's isolated world (serialised by `executeScript`, so it stands alone): calls the resident
 * script's command global, which answers false when it is an orphan of a reloaded extension.
 */
export function callResident(name: string): boolean {
  const command = (globalThis as Record<string, unknown>)[name];
  return typeof command === 'function' && command() === true;
}

/**
 * Background: runs the keyboard command in the active tab's resident script, which runs the default action or
 * says what to open. The command grants `activeTab`, so no `tabs` permission is needed. A tab without a live
 * resident script (not GitHub, or a page older than the extension) gets a notification, since the page can't.
 */
export async function forwardCommand(command: string, deps: CommandDeps): Promise<void> {
  if (command !== SEND_DEFAULT_COMMAND) return;
  const [tab] = await deps.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  const delivered =
    tab?.id !== undefined &&
    (await deps.scripting
      .executeScript({ target: { tabId: tab.id }, func: callResident, args: [RESIDENT_COMMAND_GLOBAL] })
      .then(
        ([frame]) => frame?.result === true,
        () => false,
      ));
  if (!delivered) await deps.notify(commandUnavailableNote(tab?.url)).catch(() => {});
}
