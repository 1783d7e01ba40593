import { findButtonAnchor } from '@/lib/content/resident/anchor';
import { createButton, type ResidentButton } from '@/lib/content/resident/button';
import { isSendDefaultMessage } from '@/lib/content/resident/command';
import { registeredUi, type UiApi } from '@/lib/content/resident/contract';
import { pageKindOf } from '@/lib/content/resident/gate';
import { BUTTON_HOST_ATTRIBUTE, createMountManager } from '@/lib/content/resident/mount';
import { type Listen, trustedOnly } from '@/lib/content/resident/trusted';
import { createInsertionWatch, createMutationWatch, watchNavigation } from '@/lib/content/resident/watch';
import {
  issueActionsMenu,
  legacyHeaderActions,
  prCodeButtons,
  primerHeaderActions,
  stickyHeaders,
} from '@/lib/github/selectors';

type MessageListener = (message: unknown, sender: { id?: string; tab?: unknown }) => void;

/** The part of the browser's own `runtime` namespace (`browser` or `chrome`, promise-based) the script uses. */
export type ResidentRuntime = {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
};

export type ResidentDeps = {
  doc: Document;
  win: Window;
  runtime: ResidentRuntime;
  /** Where the UI bundle registers its API: the isolated world's global object. */
  scope?: object;
};

/** The header landmarks whose insertion may call for the button (re-)mounted; and stray copies of its host. */
export const INSERTED_LANDMARKS = [
  ...prCodeButtons,
  ...issueActionsMenu,
  ...primerHeaderActions,
  ...legacyHeaderActions,
  `[${BUTTON_HOST_ATTRIBUTE}]`,
];

/** Shown on the button when the UI could not be loaded (not expected: the background injects it). */
export const LOAD_FAILED = 'Send to OpenHands could not open here. Reload the page and try again.';

/**
 * The script that runs on every GitHub page, so it stays tiny: it gates on the URL, mounts the button on issue
 * and PR pages, and asks the background for the UI bundle (menu, editor, toast, context extraction, prompts)
 * when a click may follow or a click or the keyboard command needs it. Returns `stop`, which also runs by
 * itself once the extension was reloaded or updated (this copy is then an orphan).
 */
export function startResident({ doc, win, runtime, scope = globalThis }: ResidentDeps): { stop(): void } {
  doc.documentElement.dataset.sendToOpenhands = 'loaded';
  const lifetime = new AbortController();
  const listen: Listen = (target, type, handler, options) =>
    target.addEventListener(type, handler, { ...options, signal: lifetime.signal });
  // The button takes real user input only: page scripts can reach into its open shadow root
  const userInput = trustedOnly(listen);
  const alive = () => {
    try {
      return Boolean(runtime.id);
    } catch {
      return false;
    }
  };
  const onPage = () => pageKindOf(win.location.pathname) !== null;

  let button: ResidentButton | undefined;
  let loading: Promise<UiApi | undefined> | undefined;
  const readyUi = () => {
    const api = registeredUi(scope);
    if (!api?.alive()) return undefined;
    if (button) api.bind(button);
    return api;
  };
  const loadUi = (): Promise<UiApi | undefined> => {
    const ready = readyUi();
    if (ready) return Promise.resolve(ready);
    loading ??= Promise.resolve()
      .then(() => runtime.sendMessage({ type: 'ui.load' }))
      .catch(() => undefined)
      .then(() => {
        loading = undefined;
        return readyUi();
      });
    return loading;
  };
  /** Runs `use` with the UI, loading it first if needed; `indicate` shows the wait on the button. */
  const withUi = (use: (api: UiApi) => void, indicate?: (waiting: boolean) => void) => {
    if (!alive()) return stop();
    const ready = readyUi();
    if (ready) return use(ready);
    indicate?.(true);
    void loadUi().then((api) => {
      indicate?.(false);
      if (api) use(api);
      else if (!alive()) stop();
      else button?.main.setAttribute('title', LOAD_FAILED);
    });
  };

  const makeButton = () => {
    button ??= createButton(userInput, {
      onDefault: () =>
        withUi(
          (api) => api.runDefault(),
          (waiting) => button?.setBusy(waiting),
        ),
      onMenu: (request) =>
        withUi(
          (api) => api.menu(request),
          (waiting) => button?.caret.setAttribute('aria-busy', String(waiting)),
        ),
      onApproach: () => (alive() ? void loadUi() : stop()),
    });
    readyUi();
    return button.host;
  };
  const mount = createMountManager({
    doc,
    belongs: onPage,
    findAnchor: findButtonAnchor,
    createHost: makeButton,
    later: (callback, ms) => {
      win.setTimeout(() => {
        if (!lifetime.signal.aborted) callback();
      }, ms);
    },
  });

  const insertions = createInsertionWatch(doc, INSERTED_LANDMARKS, stickyHeaders, () => schedule(false));
  const mutations = createMutationWatch(doc, () => schedule(false));
  const check = (recheck: boolean) => {
    if (!alive()) return stop();
    const issueOrPull = onPage();
    insertions.toggle(issueOrPull);
    const result = mount.sync(recheck);
    // Waiting for a header (or in the fallback for good): watch every insertion, in the frame it happens
    const waiting = issueOrPull && mount.placement !== 'actions' && mount.placement !== 'legacy';
    mutations.toggle(waiting);
    if (recheck || result === 'removed') readyUi()?.refresh();
  };

  // Navigation: right after the event (a microtask, which merges the events of one navigation). Insertions:
  // once per frame, before it is painted.
  let navigationPending = false;
  let framePending = false;
  const schedule = (navigation: boolean) => {
    if (navigation) {
      if (navigationPending) return;
      navigationPending = true;
      queueMicrotask(() => {
        navigationPending = false;
        if (!lifetime.signal.aborted) check(true);
      });
    } else if (!framePending) {
      framePending = true;
      win.requestAnimationFrame(() => {
        framePending = false;
        if (!lifetime.signal.aborted) check(false);
      });
    }
  };

  const onMessage: MessageListener = (message, sender) => {
    if (isSendDefaultMessage(message, sender, runtime.id ?? '')) withUi((api) => api.runDefault());
  };

  function stop() {
    if (lifetime.signal.aborted) return;
    lifetime.abort();
    insertions.toggle(false);
    mutations.toggle(false);
    mount.remove();
    try {
      runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphan's runtime may refuse; its listener is dead anyway
    }
    const api = registeredUi(scope);
    if (api && !api.alive()) api.destroy();
  }

  runtime.onMessage.addListener(onMessage);
  watchNavigation(listen, doc, win, () => schedule(true));
  check(true);
  return { stop };
}
