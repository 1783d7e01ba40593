import type { ButtonParts, UiApi } from '@/lib/content/resident/contract';
import { type Listen, trustedOnly } from '@/lib/content/resident/trusted';
import { createFollowUps } from '@/lib/content/ui/follow-ups/follow-ups';
import { lazy } from '@/lib/content/ui/lazy';
import { attachMenu, type Menu } from '@/lib/content/ui/menu/menu';
import { createOverlay } from '@/lib/content/ui/overlay/overlay';
import { createUiPage } from '@/lib/content/ui/page';
import { createActions } from '@/lib/content/ui/start/actions';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import { createSendFlow, type SendFlowDeps } from '@/lib/content/ui/start/send-flow';
import { createItemWatch } from '@/lib/content/ui/status/item-watch';
import { conversationsNote, runningCount, runningNotice } from '@/lib/content/ui/status/item-words';
import type { Forge, ForgePages } from '@/lib/forges/forge';
import { t } from '@/lib/i18n';
import { defaultPreset } from '@/lib/prompts/presets';

/** What the UI needs of the extension: asking the background, its ports (`runtime`), timers. */
export type UiDeps = Pick<SendFlowDeps, 'ask' | 'runtime' | 'later'> & {
  doc: Document;
  href(): string;
  /** The forge whose pages these are, given at compile time by the entrypoint (lib/forges/forge.ts). */
  forge: Forge;
  pages: ForgePages;
  /** False once the extension was reloaded or updated. */
  alive(): boolean;
  /** The clock of the conversations' ages. */
  clock?(): Date;
};

/** How long a click waits for the item's conversations (just loaded UI) before starting without asking. */
export const KNOWN_WAIT_MS = 1_500;

/**
 * The on-demand part of the GitHub button: the caret's menu, the custom-prompt editor, the progress toast,
 * reading the page and building the prompt. The resident script calls it through `UiApi` once loaded.
 */
export function createUi(deps: UiDeps): UiApi {
  const lifetime = new AbortController();
  // UI listeners take real user input only: page scripts can reach into our open shadow roots.
  const pageListen: Listen = (target, type, handler, options) =>
    target.addEventListener(type, handler, { ...options, signal: lifetime.signal });
  const listen = trustedOnly(pageListen);
  // One reading of the page per navigation, for every part below
  const page = createUiPage(deps);
  let button: ButtonParts | undefined;
  let menu: Menu | undefined;

  // Built on first use: most pages never show the toast or the editor.
  const overlay = lazy(() =>
    createOverlay({
      listen,
      onDismiss: () => flow.stop(),
      onOpenOptions: () => void deps.ask({ type: 'options.open' }),
    }),
  );
  const showToast = (view: ProgressView) => {
    overlay().attach();
    overlay().toast.show(view);
  };
  const flow = createSendFlow({
    ask: deps.ask,
    runtime: deps.runtime,
    later: deps.later,
    onView: showToast,
    onBusy: (busy) => {
      button?.setBusy(busy);
      if (busy) menu?.close(false);
    },
  });
  // The conversations of the issue or PR on screen: the status control, the menu's line, the confirm
  const items = createItemWatch({
    doc: deps.doc,
    win: deps.doc.defaultView ?? window,
    page,
    runtime: deps.runtime,
    listen: pageListen,
    userListen: listen,
    later: deps.later,
    clock: deps.clock ?? (() => new Date()),
  });
  let asking = false;
  /** Asks once before starting another conversation on an item with one starting or running. */
  const beforeDefault = (proceed: () => void) => {
    if (asking) return;
    asking = true;
    items.whenKnown(() => {
      const current = items.current;
      const running = current?.conversations ? runningCount(current.conversations) : 0;
      if (!current || running === 0) {
        asking = false;
        return proceed();
      }
      overlay().confirm.open({
        message: runningNotice(current.kind, running),
        returnFocus: button?.main ?? deps.doc.body,
        onClose(confirmed) {
          asking = false;
          if (confirmed) proceed();
        },
      });
    }, KNOWN_WAIT_MS);
  };
  const actions = createActions({
    page,
    flow,
    editor: {
      open: (request) => overlay().editor.open(request),
      get isOpen() {
        return overlay.made && overlay().editor.isOpen;
      },
    },
    returnFocus: () => button?.caret ?? deps.doc.body,
    notice: showToast,
    beforeDefault,
  });
  // Follow-ups in the menu, and what a review thread's "Ask OpenHands" opens (lib/content/threads)
  const followUps = createFollowUps({
    doc: deps.doc,
    page,
    ask: deps.ask,
    connect: (name) => deps.runtime.connect({ name }),
    flow,
    editor: () => overlay().followUp,
    toast: showToast,
    returnFocus: () => button?.caret ?? deps.doc.body,
    // The status control already follows the item port: no second one
    conversations: () => items.current?.conversations ?? null,
  });
  const threadRoots = deps.pages.threadSelectors.roots.join(', ');

  const refresh = () => {
    items.refresh();
    if (!button) return;
    if (!button.host.isConnected) menu?.close(false);
    // The tooltip: what a plain click does on this page, e.g. "Solve the issue with OpenHands"
    const item = page.current().item;
    if (item) button.main.title = t('ui.menu.tooltip', { action: defaultPreset(item.kind).label });
  };

  items.refresh();
  return {
    alive: deps.alive,
    bind(next) {
      if (button === next) return;
      button = next;
      menu = attachMenu({
        root: next.root,
        host: next.host,
        caret: next.caret,
        entries: () => [...actions.entries(), ...(followUps.entries() ?? [])],
        enabled: () => !flow.busy,
        onSelect: (id) => (followUps.handles(id) ? followUps.run(id) : actions.run(id)),
        note: () => {
          const current = items.current;
          return current?.conversations ? conversationsNote(current.kind, current.conversations) : null;
        },
        listen,
      });
      if (flow.busy) next.setBusy(true);
      refresh();
    },
    runDefault: () => actions.runDefault(),
    menu(request) {
      if (!menu) return;
      if (request !== 'toggle') menu.open(request);
      else if (menu.isOpen) menu.close(true);
      else menu.open('first');
    },
    refresh,
    askAboutThread(threadId, returnFocus) {
      // Read in full only now (comments, path, diff): the buttons know just where the threads are
      const thread = [...deps.doc.querySelectorAll(threadRoots)]
        .flatMap((root) => deps.pages.reviewThreads(root))
        .find((candidate) => candidate.id === threadId);
      if (thread) followUps.askAboutThread(thread, returnFocus);
      return thread !== undefined;
    },
    destroy() {
      lifetime.abort();
      items.destroy();
      flow.stop();
      menu?.close(false);
      menu = undefined;
      button = undefined;
      if (overlay.made) overlay().host.remove();
    },
  };
}
