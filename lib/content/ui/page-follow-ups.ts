import type { Listen } from '@/lib/content/resident/trusted';
import { watchNavigation } from '@/lib/content/resident/watch';
import type { FollowPort } from '@/lib/content/ui/follow';
import type { FollowUpEditor } from '@/lib/content/ui/follow-up-editor';
import { createFollowUps, type FollowUps } from '@/lib/content/ui/follow-ups';
import { createItemWatch } from '@/lib/content/ui/item-port';
import type { MenuEntry } from '@/lib/content/ui/menu';
import type { ProgressView } from '@/lib/content/ui/progress';
import type { SendFlow, SendFlowDeps } from '@/lib/content/ui/send-flow';
import { createThreadButtons, type ThreadButtonsDeps } from '@/lib/content/ui/thread-buttons';
import type { ItemConversation } from '@/lib/conversations/item';
import { parseGitHubPage } from '@/lib/github/page';

/*
 * Everything of issue 13 the UI bundle adds to a GitHub page, wired together: the item's conversations (item
 * port), the follow-up menu entries, and the review threads' "Ask OpenHands" buttons. Follows the page by
 * itself (soft navigation, visibility), since the background injects the bundle on PR pages that the
 * resident's button may never hand over.
 */

export type PageFollowUpsDeps = {
  doc: Document;
  win: Window;
  href(): string;
  connect(name: string): FollowPort;
  send: SendFlowDeps['send'];
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
  /**
   * The item's conversations, when the page already follows its item port (the status control does): then
   * no second port is opened. Without it, this follows the item port itself.
   */
  conversations?(): ItemConversation[] | null;
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
  const items = deps.conversations
    ? undefined
    : createItemWatch({
        connect: deps.connect,
        href: deps.href,
        doc: deps.doc,
        listen: deps.listenAny,
        onChange: () => {},
      });
  const conversations = deps.conversations ?? (() => items?.conversations() ?? null);
  const followUps = createFollowUps({ ...deps, conversations });
  const threads = createThreadButtons({
    doc: deps.doc,
    listen: deps.listen,
    isPull: () => parseGitHubPage(deps.href())?.kind === 'pull',
    onAsk: (thread, button) => followUps.askAboutThread(thread, button),
    later: deps.later,
    observe: deps.observe ?? observeMutations,
  });
  const refresh = () => {
    items?.refresh();
    threads.refresh();
  };
  watchNavigation(deps.listenAny, deps.doc, deps.win, refresh);
  refresh();
  return {
    entries: (): MenuEntry[] => followUps.entries(),
    handles: followUps.handles,
    run: followUps.run,
    refresh,
    stop() {
      items?.stop();
      threads.stop();
    },
  };
}
