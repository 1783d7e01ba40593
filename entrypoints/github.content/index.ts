import { browser, defineContentScript } from '#imports';
import { createActions } from '@/lib/content/actions';
import { createButtonUi } from '@/lib/content/button-ui';
import { isSendDefaultMessage } from '@/lib/content/command';
import { lazy } from '@/lib/content/lazy';
import type { Listen } from '@/lib/content/menu';
import { createMountManager } from '@/lib/content/mount';
import { watchPage } from '@/lib/content/navigation';
import { createOverlay } from '@/lib/content/overlay';
import type { ProgressView } from '@/lib/content/progress';
import { createSendFlow } from '@/lib/content/send-flow';
import { trustedOnly } from '@/lib/content/trusted';
import { findButtonAnchor } from '@/lib/github/anchor';
import { type GitHubPage, parseGitHubPage } from '@/lib/github/page';
import { anyReply, sendMessage } from '@/lib/pages/send-message';
import { defaultPreset } from '@/lib/prompts/presets';

// Runs on every GitHub page (Turbo navigation doesn't re-inject it), so it stays small: no React, no zod.
// All logic lives in lib/content; this file only wires it to the page, the background and WXT's `ctx`.
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  main(ctx) {
    document.documentElement.dataset.sendToOpenhands = 'loaded';
    // UI listeners take real user input only: page scripts can reach into our open shadow roots.
    const listen: Listen = trustedOnly((target, type, handler, options) =>
      ctx.addEventListener(target, type, handler, options),
    );

    let lastHref = '';
    let page: GitHubPage | null = null;
    const currentPage = () => {
      if (location.href !== lastHref) {
        lastHref = location.href;
        page = parseGitHubPage(lastHref);
      }
      return page;
    };

    // Built on first use: most GitHub pages never show the button or the toast.
    const overlay = lazy(() =>
      createOverlay({
        listen,
        onDismiss: () => flow.stop(),
        onOpenOptions: () => void sendMessage({ type: 'options.open' }, anyReply),
      }),
    );
    const button = lazy(() =>
      createButtonUi({
        onDefault: actions.runDefault,
        entries: actions.entries,
        onSelect: actions.run,
        listen,
      }),
    );
    const showToast = (view: ProgressView) => {
      overlay().attach();
      overlay().toast.show(view);
    };
    const flow = createSendFlow({
      send: sendMessage,
      wait: (ms) => new Promise((resolve) => ctx.setTimeout(resolve, ms)),
      onView: showToast,
      onBusy: (busy) => button().setBusy(busy),
    });
    const actions = createActions({
      doc: document,
      href: () => location.href,
      flow,
      editor: {
        open: (request) => overlay().editor.open(request),
        get isOpen() {
          return overlay.made && overlay().editor.isOpen;
        },
      },
      returnFocus: () => button().caret,
      notice: showToast,
    });
    const mount = createMountManager({
      doc: document,
      belongs: () => currentPage() !== null,
      findAnchor: findButtonAnchor,
      createHost: () => button().host,
      later: (callback, ms) => ctx.setTimeout(callback, ms),
    });

    const sync = (recheck: boolean) => {
      const kind = currentPage()?.kind;
      if (kind) button().setDefaultLabel(defaultPreset(kind).label);
      if (mount.sync(recheck) === 'removed') button().menu.close(false);
    };
    sync(true);
    watchPage(ctx, document, sync);

    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (isSendDefaultMessage(message, sender, browser.runtime.id)) actions.runDefault();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      mount.remove();
      if (overlay.made) overlay().host.remove();
    });
  },
});
