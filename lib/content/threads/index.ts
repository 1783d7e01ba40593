import { registeredUi } from '@/lib/content/resident/contract';
import { type Listen, trustedOnly } from '@/lib/content/resident/trusted';
import { watchNavigation } from '@/lib/content/resident/watch';
import { createThreadButtons, type ThreadButtonsDeps } from '@/lib/content/threads/thread-buttons';
import type { ThreadWord } from '@/lib/content/threads/words';
import type { ForgeThreads } from '@/lib/forges/forge';

/*
 * The review threads' "Ask OpenHands" buttons on their own: a small bundle (entrypoints/github-threads.ts) the
 * resident script asks for when a PR page shows threads. Reviewers keep such pages open all day, so the full UI
 * (menu, editor, prompts, the follow-up dialog) loads only when a button is clicked.
 */

/** The part of the browser's `runtime` the buttons use: asking the background for the full UI. */
export type ThreadsRuntime = { readonly id?: string; sendMessage(message: unknown): Promise<unknown> };

export type ThreadsDeps = {
  doc: Document;
  win: Window;
  site: ForgeThreads;
  runtime(): ThreadsRuntime | undefined;
  /** The button's words in the browser's language (words.ts). */
  word(word: ThreadWord): string;
  /** Where the UI bundle registers its API and this bundle itself: the isolated world's global object. */
  scope?: object;
  observe?: ThreadButtonsDeps['observe'];
};

export type ThreadsApi = { alive(): boolean; refresh(): void; stop(): void };

const THREADS_GLOBAL = '__sendToOpenHandsThreads';
type Scope = { [THREADS_GLOBAL]?: ThreadsApi };

const observeMutations: ThreadButtonsDeps['observe'] = (target, options, onChange) => {
  const observer = new MutationObserver(onChange);
  observer.observe(target, options);
  return observer;
};

/** Installs the buttons once per world; a second injection refreshes the copy there (an orphan goes). */
export function installThreads(deps: ThreadsDeps): ThreadsApi {
  const scope = (deps.scope ?? globalThis) as Scope;
  const existing = scope[THREADS_GLOBAL];
  if (existing?.alive()) {
    existing.refresh();
    return existing;
  }
  existing?.stop();
  const api = createThreads(deps);
  scope[THREADS_GLOBAL] = api;
  return api;
}

function createThreads(deps: ThreadsDeps): ThreadsApi {
  const { doc, win, site } = deps;
  const scope = deps.scope ?? globalThis;
  const lifetime = new AbortController();
  const listenAny: Listen = (target, type, handler, options) =>
    target.addEventListener(type, handler, { ...options, signal: lifetime.signal });
  const alive = () => {
    try {
      return Boolean(deps.runtime()?.id);
    } catch {
      return false;
    }
  };

  /** The full UI, loaded by the background on the first click (the resident's button may have loaded it already). */
  const fullUi = async () => {
    const ready = registeredUi(scope);
    if (ready?.alive()) return ready;
    await deps.runtime()?.sendMessage({ type: 'ui.load' });
    const loaded = registeredUi(scope);
    return loaded?.alive() ? loaded : undefined;
  };

  const buttons = createThreadButtons({
    doc,
    pages: site,
    listen: trustedOnly(listenAny),
    word: deps.word,
    isPull: () => site.pageKindOf(win.location.pathname) === 'pull',
    onAsk: async (threadId, button) => {
      if (!alive()) {
        api.stop();
        return true;
      }
      button.setAttribute('aria-busy', 'true');
      try {
        const ui = await fullUi().catch(() => undefined);
        // Not expected (the background injects it): the click did nothing, the button stays for another
        if (!ui) return true;
        return ui.askAboutThread(threadId, button);
      } finally {
        button.setAttribute('aria-busy', 'false');
      }
    },
    later: (callback, ms) => {
      const timer = win.setTimeout(callback, ms);
      return () => win.clearTimeout(timer);
    },
    observe: deps.observe ?? observeMutations,
  });
  watchNavigation(listenAny, win, () => buttons.refresh());
  buttons.refresh();

  const api: ThreadsApi = {
    alive,
    refresh: () => buttons.refresh(),
    stop() {
      lifetime.abort();
      buttons.stop();
    },
  };
  return api;
}
