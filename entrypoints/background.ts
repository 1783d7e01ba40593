import { browser, defineBackground } from '#imports';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { createHandlers } from '@/lib/background/messaging/create-handlers';
import { handleMessage } from '@/lib/background/messaging/handle-message';
import {
  applyServerPage,
  pollOnce,
  pollRecords,
  refreshRecords,
  serverAnswered,
} from '@/lib/background/polling/poller';
import { createPollScheduler, POLL_ALARM } from '@/lib/background/polling/scheduler';
import { watchServerAnswers } from '@/lib/background/polling/server-answers';
import { serveFollowUpPort } from '@/lib/background/ports/follow-up-port';
import { serveItemWatch } from '@/lib/background/ports/item-watch';
import { createListWatch } from '@/lib/background/ports/list-watch';
import { serveRecordWatch } from '@/lib/background/ports/record-watch';
import { servePorts } from '@/lib/background/ports/serve';
import { updateBadge } from '@/lib/background/records/badge';
import { getConversation, loadConversations } from '@/lib/background/records/conversation-store';
import { notify, notifyNote, openNotifiedConversation } from '@/lib/background/records/notifications';
import { createServerScan } from '@/lib/background/records/server-scan';
import { registerSelectionMenu } from '@/lib/background/selection/menu';
import { onSelectionMenuClicked } from '@/lib/background/selection/send-selection';
import { loadSettings } from '@/lib/background/settings/settings-store';
import { createStarts } from '@/lib/background/starts/starts';
import { forwardCommand } from '@/lib/background/tabs/command';
import { createPageWatch } from '@/lib/background/tabs/page-watch';
import type { ItemKey } from '@/lib/conversations/item';
import { itemConversations } from '@/lib/conversations/item-index';
import { serializeError } from '@/lib/errors/error';
import type { AppConversation } from '@/lib/openhands/schemas-v1';
import type { ServerOrigin } from '@/lib/server/origin';
import { conversationsItem } from '@/lib/storage/conversations';

// Listeners are registered synchronously: the worker may have been started by one of these events.
export default defineBackground(() => {
  // A server answering again after failures: what was backing off from it is polled at once.
  const serverBack = async (origin: ServerOrigin) => {
    if (await serverAnswered(origin, new Date())) scheduler.schedule(0);
  };
  const base = {
    apiKeys: createApiKeyStore(),
    fetch: watchServerAnswers(
      (...args) => fetch(...args),
      (origin) => void serverBack(origin).catch(() => {}),
    ),
    now: () => new Date(),
    onRecords: updateBadge,
  };
  const pollDeps = { ...base, notify };
  const scheduler = createPollScheduler(() => pollOnce(pollDeps), browser.alarms);
  // Adopted conversations count on the badge, and those still working are polled like the others.
  const scan = createServerScan({
    ...base,
    onRecords: async (records) => {
      await updateBadge(records);
      scheduler.schedule(0);
    },
  });
  // The popup's page of the server: adopted conversations, and what it says of the known ones.
  const listDeps = {
    ...base,
    onServerPage: async (serverUrl: ServerOrigin, page: AppConversation[]) => {
      await scan.offer(serverUrl, page);
      await applyServerPage(serverUrl, page, pollDeps);
      scheduler.schedule(0);
    },
  };
  const schedulePoll = () => scheduler.schedule(0);
  const starts = createStarts({ ...base, schedulePoll });
  const handlers = createHandlers({
    ...listDeps,
    schedulePoll,
    afterStart: () => void scan.scan(),
    starts,
  });
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
  // The one change signal pages' ports follow: a write of the stored records
  const onChange = (listener: () => void) => conversationsItem.watch(listener);
  // The stored records and the configured server, for the GitHub item pages: storage only, no network.
  const itemRecords = async () => ({
    records: await loadConversations(),
    serverUrl: (await loadSettings()).serverUrl,
  });
  const itemDeps = {
    load: itemRecords,
    onChange,
    // An item page's poll may revive a record's polling: the scheduler then follows it once the page closes.
    poll: async (ids: readonly string[]) => {
      await pollRecords(ids, pollDeps);
      scheduler.schedule(0);
    },
    refresh: async (ids: readonly string[]) => {
      await refreshRecords(ids, pollDeps);
      scheduler.schedule(0);
    },
    scan: scan.scan,
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  };
  // Every port, by the port table (lib/protocol/ports.ts)
  browser.runtime.onConnect.addListener(
    servePorts(
      {
        record: (port, id) => serveRecordWatch(port, id, { load: getConversation, onChange }),
        item: (port, key) => serveItemWatch(port, key, itemDeps),
        list: createListWatch(listDeps),
        followUp: (port) => serveFollowUpPort(port, { self, handlers, toError }),
      },
      self,
    ),
  );
  // Issue and PR pages that show something without a click get the UI bundle: see lib/background/tabs/page-watch.ts.
  const watchPage = createPageWatch({
    hasConversations: async (item: ItemKey) => {
      const { records, serverUrl } = await itemRecords();
      return itemConversations(records, item, serverUrl).length > 0;
    },
    scripting: { executeScript: (injection) => browser.scripting.executeScript(injection) },
    now: () => Date.now(),
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void watchPage(tabId, change, tab));
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

  // Resume polling whenever the worker starts, and find the starts it may have been stopped in the middle of.
  scheduler.schedule(0);
  void starts.recover().then(async () => updateBadge(await loadConversations()));
});
