import type { Listen } from '@/lib/content/resident/trusted';
import { watchNavigation } from '@/lib/content/resident/watch';
import type { FollowUpEditor } from '@/lib/content/ui/follow-ups/follow-up-editor';
import { createFollowUps, type FollowUps } from '@/lib/content/ui/follow-ups/follow-ups';
import { createThreadButtons, type ThreadButtonsDeps } from '@/lib/content/ui/follow-ups/thread-buttons';
import type { MenuEntry } from '@/lib/content/ui/menu/menu';
import type { UiPage } from '@/lib/content/ui/page';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import type { SendFlow, SendFlowDeps } from '@/lib/content/ui/start/send-flow';
import type { ItemConversation } from '@/lib/conversations/item';
import type { PagePort } from '@/lib/protocol/watch';

/*
 * Everything of issue 13 the UI bundle adds to a GitHub page, wired together: the follow-up menu entries (the
 * item's conversations come from the page's item watch) and the review threads' "Ask OpenHands" buttons.
 * Follows soft navigation by itself, since the background injects the bundle on PR pages whose button the
 * resident may never hand over.
 */

export type PageFollowUpsDeps = {
  doc: Document;
  win: Window;
  page: UiPage;
  connect(name: string): PagePort;
  ask: SendFlowDeps['ask'];
  later: SendFlowDeps['later'];
  flow: SendFlow;
  editor(): FollowUpEditor;
  toast(view: ProgressView): void;
  returnFocus(): HTMLElement;
  /** Trusted input only (clicks). */
  listen: Listen;
  /** Any event (navigation and visibility events are not user input). */
  listenAny: Listen;
  observe?: ThreadButtonsDeps['observe'];
  /** The item's conversations, newest first, from the item port the page follows (item-watch.ts). */
  conversations(): readonly ItemConversation[] | null;
};

export type PageFollowUps = Pick<FollowUps, 'entries' | 'handles' | 'run'> & {
  refresh(): void;
  stop(): void;
};

const observeMutations: ThreadButtonsDeps['observe'] = (target, options, onChange) => {
  const observer = new MutationObserver(onChange);
  observer.observe(target, options);
  return observer;
};

export function createPageFollowUps(deps: PageFollowUpsDeps): PageFollowUps {
  const followUps = createFollowUps(deps);
  const threads = createThreadButtons({
    doc: deps.doc,
    pages: deps.page.pages,
    listen: deps.listen,
    isPull: () => deps.page.current().item?.kind === 'pull',
    onAsk: (thread, button) => followUps.askAboutThread(thread, button),
    later: deps.later,
    observe: deps.observe ?? observeMutations,
  });
  const refresh = () => {
    threads.refresh();
  };
  watchNavigation(deps.listenAny, deps.win, refresh);
  refresh();
  return {
    entries: (): MenuEntry[] => followUps.entries(),
    handles: followUps.handles,
    run: followUps.run,
    refresh,
    stop() {
      threads.stop();
    },
  };
}
