import { createButton, type ResidentButton } from '@/lib/content/resident/button';
import { registeredUi, type UiApi } from '@/lib/content/resident/contract';
import { BUTTON_HOST_ATTRIBUTE, createMountManager } from '@/lib/content/resident/mount';
import { type Listen, trustedOnly } from '@/lib/content/resident/trusted';
import {
  createInsertionWatch,
  createMutationWatch,
  type Switch,
  watchNavigation,
} from '@/lib/content/resident/watch';
import type { ResidentWord } from '@/lib/content/resident/words';
import type { ForgeResident } from '@/lib/forges/forge';
import { RESIDENT_COMMAND_GLOBAL } from '@/lib/protocol/commands';

/**
 * The part of the browser's own `runtime` namespace (`browser` or `chrome`, promise-based) the script uses.
 * Nothing touches it before the first approach, click or navigation: merely creating the runtime bindings
 * costs a GitHub page view about a millisecond (see `npm run bench`).
 */
export type ResidentRuntime = {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
};

export type ResidentDeps = {
  doc: Document;
  win: Window;
  /** Called only when needed (see ResidentRuntime); undefined when the namespace is missing. */
  runtime: () => ResidentRuntime | undefined;
  /** Where the UI bundle registers its API and the script its command: the isolated world's global object. */
  scope?: object;
  /** The forge whose pages these are (lib/forges/forge.ts), given at compile time by the entrypoint. */
  site: ForgeResident;
  /** Its words in the browser's language (lib/content/resident/words.ts), read on issue and PR pages only. */
  word: (word: ResidentWord) => string;
};

/**
 * The header landmarks whose insertion may call for the button (re-)mounted; stray copies of its host; and
 * review threads, whose "Ask OpenHands" buttons come in a small bundle of their own (lib/content/threads): a PR
 * page without threads never loads it.
 */
export const insertedLandmarks = (site: ForgeResident) => [
  ...site.landmarks,
  `[${BUTTON_HOST_ATTRIBUTE}]`,
  ...site.reviewThreads,
];

/**
 * The script that runs on every GitHub page, so it stays tiny: it gates on the URL, mounts the button on issue
 * and PR pages, and asks the background for the UI bundle (menu, editor, toast, context extraction, prompts)
 * when a click may follow or a click or the keyboard command needs it. Returns `stop`, which also runs by
 * itself once the extension was reloaded or updated (this copy is then an orphan).
 */
export function startResident(deps: ResidentDeps): { stop(): void } {
  // `deps.doc` is read only once the page is an issue or a PR: see watchNavigation
  const { win, runtime, scope = globalThis, site, word } = deps;
  let stopped = false;
  const removers: (() => void)[] = [];
  const listen: Listen = (target, type, handler, options) => {
    target.addEventListener(type, handler, options);
    removers.push(() => target.removeEventListener(type, handler, options));
  };
  // The button takes real user input only: page scripts can reach into its open shadow root
  const userInput = trustedOnly(listen);
  const alive = () => {
    try {
      return Boolean(runtime()?.id);
    } catch {
      return false;
    }
  };
  const pageKind = () => site.pageKindOf(win.location.pathname);
  const sticky = site.stickyHeaders.join();
  const reviewThreads = site.reviewThreads.join();

  let button: ResidentButton | undefined;
  let loading: Promise<UiApi | undefined> | undefined;
  // Nothing reads the world's globals until the UI was asked for
  let asked = false;
  const readyUi = () => {
    if (!asked) return undefined;
    const api = registeredUi(scope);
    if (!api?.alive()) return undefined;
    if (button) api.bind(button);
    return api;
  };
  const loadUi = (): Promise<UiApi | undefined> => {
    asked = true;
    const ready = readyUi();
    if (ready) return Promise.resolve(ready);
    loading ??= Promise.resolve()
      .then(() => runtime()?.sendMessage({ type: 'ui.load' }))
      .catch(() => undefined)
      .then(() => {
        loading = undefined;
        return readyUi();
      });
    return loading;
  };
  // The review threads' buttons, asked for once per world: that bundle follows navigation by itself
  let threadsAsked = false;
  const loadThreads = () => {
    if (threadsAsked) return;
    if (!alive()) return stop();
    threadsAsked = true;
    void Promise.resolve()
      .then(() => runtime()?.sendMessage({ type: 'threads.load' }))
      .catch(() => {
        // Not expected (the background injects it): the next thread that shows asks again
        threadsAsked = false;
      });
  };
  /** Runs `use` with the UI, loading it first if needed; `indicate` shows the wait on the button. */
  const withUi = (use: (api: UiApi) => void, indicate?: (waiting: boolean) => void) => {
    if (!alive()) return stop();
    asked = true;
    const ready = readyUi();
    if (ready) return use(ready);
    indicate?.(true);
    void loadUi().then((api) => {
      indicate?.(false);
      if (api) use(api);
      else if (!alive()) stop();
      // Not expected (the background injects the UI): the button says what to do
      else button?.main.setAttribute('title', word('loadFailed'));
    });
  };

  const makeButton = () => {
    button ??= createButton(
      userInput,
      {
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
      },
      word,
      win,
    );
    readyUi();
    return button.host;
  };
  const mount = createMountManager({
    get doc() {
      return deps.doc;
    },
    pageKind,
    findAnchor: site.findButtonAnchor,
    isInStickyHeader: (element) => element.closest(sticky) !== null,
    createHost: makeButton,
    later: (callback, ms) => {
      win.setTimeout(() => {
        if (!stopped) callback();
      }, ms);
    },
  });

  // Made on the first issue or PR page; until then the watches are off
  let watches: { insertions: Switch; mutations: Switch } | undefined;
  const pageWatches = () => {
    watches ??= {
      insertions: createInsertionWatch(deps.doc, insertedLandmarks(site), site.stickyHeaders, (element) => {
        // A copy of the host (a Turbo snapshot, a React clone) shows no button: take it away
        if (element !== button?.host && element.hasAttribute(BUTTON_HOST_ATTRIBUTE)) element.remove();
        else if (!element.matches(reviewThreads)) schedule(false);
        else if (pageKind() === 'pull') loadThreads();
      }),
      mutations: createMutationWatch(deps.doc, () => schedule(false)),
    };
    return watches;
  };
  // After a navigation, an orphan of a reloaded extension goes. Not on insertions, nor at the start (alive by
  // then): they happen as the page loads, when asking the runtime would cost the page view its bindings.
  const check = (recheck: boolean, askRuntime = recheck) => {
    if (askRuntime && !alive()) return stop();
    const issueOrPull = pageKind() !== null;
    const result = mount.sync(recheck);
    if (issueOrPull || watches) {
      const { insertions, mutations } = pageWatches();
      insertions.toggle(issueOrPull);
      // Waiting for a header (or in the fallback for good): watch every insertion, in the frame it happens
      const waiting = issueOrPull && mount.placement !== 'actions' && mount.placement !== 'legacy';
      mutations.toggle(waiting);
    }
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
        if (!stopped) check(true);
      });
    } else if (!framePending) {
      framePending = true;
      win.requestAnimationFrame(() => {
        framePending = false;
        if (!stopped) check(false);
      });
    }
  };

  // The keyboard command: the background calls this in our world (lib/background/tabs/command.ts)
  const command = () => {
    if (!alive()) {
      stop();
      return false;
    }
    withUi((api) => api.runDefault());
    return true;
  };
  const commandScope = scope as Record<string, unknown>;

  function stop() {
    if (stopped) return;
    stopped = true;
    for (const remove of removers.splice(0)) remove();
    watches?.insertions.toggle(false);
    watches?.mutations.toggle(false);
    mount.remove();
    if (commandScope[RESIDENT_COMMAND_GLOBAL] === command) delete commandScope[RESIDENT_COMMAND_GLOBAL];
    const api = asked ? registeredUi(scope) : undefined;
    if (api && !api.alive()) api.destroy();
  }

  commandScope[RESIDENT_COMMAND_GLOBAL] = command;
  watchNavigation(listen, win, () => schedule(true));
  check(true, false);
  return { stop };
}
