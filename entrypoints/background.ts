import { browser, defineBackground } from '#imports';
import { updateBadge } from '@/lib/background/badge';
import { forwardCommand } from '@/lib/background/command';
import { onConversationsChanged } from '@/lib/background/conversation-changes';
import { getConversation } from '@/lib/background/conversation-store';
import { createHandlers } from '@/lib/background/create-handlers';
import { followConversation } from '@/lib/background/follow';
import { serveFollowUpPort } from '@/lib/background/follow-up/port';
import { handleMessage } from '@/lib/background/handle-message';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { createListFollowers } from '@/lib/background/list-followers';
import { notify, notifyNote, openNotifiedConversation } from '@/lib/background/notifications';
import { pollOnce } from '@/lib/background/polling/poller';
import { createPollScheduler, POLL_ALARM } from '@/lib/background/polling/scheduler';
import { registerSelectionMenu } from '@/lib/background/selection/menu';
import { onSelectionMenuClicked } from '@/lib/background/selection/send-selection';
import { loadSettings } from '@/lib/background/settings-store';
import { serializeError } from '@/lib/errors/error';

// Listeners are registered synchronously: the worker may have been started by one of these events.
export default defineBackground(() => {
  const base = {
    apiKeys: createApiKeyStore(),
    fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
    now: () => new Date(),
    onRecords: updateBadge,
  };
  const scheduler = createPollScheduler(() => pollOnce({ ...base, notify }), browser.alarms);
  const handlers = createHandlers({ ...base, schedulePoll: () => scheduler.schedule(0) });
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  // The server, for links in errors; unreadable settings must not turn an error into no answer at all.
  const savedServer = () =>
    loadSettings().then(
      ({ serverUrl }) => serverUrl,
      () => undefined,
    );
  const toError = async (error: unknown) => serializeError(error, { server: await savedServer() });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, { self, handlers, toError }),
  );
  // Ports, each ignoring the others' names: the GitHub toast follows the start it made (the background pushes
  // each change of the record), and follow-ups report their stages (lib/conversations/follow-up.ts).
  const followList = createListFollowers(base, self);
  browser.runtime.onConnect.addListener((port) => {
    followConversation(port, { self, load: getConversation, onChange: onConversationsChanged });
    serveFollowUpPort(port, { self, handlers, toError });
    // Pages following the list (the popup) keep a port open; while one is, the cached first page is kept fresh.
    followList(port);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) scheduler.schedule(0);
  });
  browser.notifications.onClicked.addListener((id) => void openNotifiedConversation(id));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void registerSelectionMenu(browser.contextMenus);
    // First install: the options page asks for the key (and, on Firefox, for host access).
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onSelectionMenuClicked(info, tab, browser));
  // The keyboard shortcut (manifest `commands`) runs the default action in the GitHub tab's content script.
  browser.commands.onCommand.addListener(
    (command) =>
      void forwardCommand(command, { tabs: browser.tabs, scripting: browser.scripting, notify: notifyNote }),
  );

  // Resume polling whenever the worker starts: it may have been stopped mid-start.
  scheduler.schedule(0);
});
