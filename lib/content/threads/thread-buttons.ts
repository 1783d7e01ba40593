import { createShadowHost, h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { INSERTION_ANIMATION } from '@/lib/content/resident/watch';
import ASK_CSS from '@/lib/content/threads/ask-button.css?inline';
import type { ThreadWord } from '@/lib/content/threads/words';
import type { ForgeThreads } from '@/lib/forges/forge';
import type { ThreadMark } from '@/lib/forges/page-data';

/*
 * "Ask OpenHands" on every review thread of a PR page (Files/Changes tab and Conversation timeline). The
 * MutationObservers watch the thread containers (diffs render late and progressively), and the whole document
 * only for a short while after a navigation (the containers themselves may come late). A thread shown later
 * than that still gets its button: the resident script's insertion rule animates every review thread on issue
 * and PR pages (lib/content/resident), and its `animationstart` reaches this listener too.
 */

/** Marks an "Ask OpenHands" button's host; its value is the thread's id. */
export const ASK_HOST_ATTRIBUTE = 'data-openhands-ask';
/** Mutations are gathered this long before the page is read again. */
export const SCAN_DELAY_MS = 150;
/** After a navigation, how long new containers are looked for in the whole document. */
export const SETTLE_MS = 10_000;

export type ThreadButtonsDeps = {
  doc: Document;
  /** Where the forge's review threads are. */
  pages: Pick<ForgeThreads, 'reviewThreadMarks' | 'threadSelectors'>;
  /** Trusted-only listening (page scripts can reach into open shadow roots). */
  listen: Listen;
  /** Whether the page on screen is a PR (no buttons elsewhere). */
  isPull(): boolean;
  /** The button's words (words.ts). */
  word(word: ThreadWord): string;
  /**
   * A click, with the thread's id: the full UI reads the thread and asks. False when there was no such thread
   * to read (it went, or holds nothing to send).
   */
  onAsk(threadId: string, button: HTMLElement): Promise<boolean> | boolean;
  later(callback: () => void, ms: number): () => void;
  /** `MutationObserver` (a test may pass a fake). */
  observe(target: Node, options: MutationObserverInit, onChange: () => void): { disconnect(): void };
};

export type ThreadButtons = {
  /** Reads the page now and watches it for a while (after a navigation or an injection). */
  refresh(): void;
  /** Removes the buttons and stops watching. */
  stop(): void;
};

function place(host: HTMLElement, thread: ThreadMark): void {
  const { element, position } = thread.anchor;
  if (position === 'prepend') element.prepend(host);
  else if (position === 'append') element.append(host);
  else if (position === 'before') element.before(host);
  else element.after(host);
}

export function createThreadButtons(deps: ThreadButtonsDeps): ThreadButtons {
  const { doc, pages } = deps;
  const threadSelector = pages.threadSelectors.threads.join();
  const rootSelector = pages.threadSelectors.roots.join(', ');
  const watched = new Map<Element, { disconnect(): void }>();
  let documentWatch: { disconnect(): void } | undefined;
  let cancelScan: (() => void) | undefined;
  let cancelSettle: (() => void) | undefined;
  let settling = false;

  const hosts = () => [...doc.querySelectorAll<HTMLElement>(`[${ASK_HOST_ATTRIBUTE}]`)];

  function makeButton(thread: ThreadMark): HTMLElement {
    const { host, root } = createShadowHost('span', ASK_CSS);
    host.setAttribute(ASK_HOST_ATTRIBUTE, thread.id);
    const button = h(
      'button',
      { type: 'button', class: 'btn', title: deps.word('askDescription') },
      deps.word('ask'),
    );
    root.append(button);
    deps.listen(button, 'click', (event) => {
      // The timeline's thread header collapses the thread on a click (a <summary> in older markup)
      event.preventDefault();
      event.stopPropagation();
      // Read in full at the click only (comments, path, diff): placing buttons reads just where threads are
      void Promise.resolve(deps.onAsk(thread.id, button)).then((asked) => {
        if (asked) return;
        // The thread went, or holds nothing to send: its button goes, and the page is read again
        host.remove();
        schedule();
      });
    });
    return host;
  }

  const roots = () => [...doc.querySelectorAll(rootSelector)];

  deps.listen(
    doc,
    'animationstart',
    (event) => {
      const { animationName, target } = event as AnimationEvent;
      if (
        animationName === INSERTION_ANIMATION &&
        target instanceof Element &&
        target.matches(threadSelector)
      )
        schedule();
    },
    { capture: true },
  );

  function scan(): void {
    cancelScan = undefined;
    if (!deps.isPull()) return;
    for (const [root, observer] of watched) {
      if (root.isConnected) continue;
      observer.disconnect();
      watched.delete(root);
    }
    const found = roots();
    for (const root of found) {
      if (!watched.has(root))
        watched.set(root, deps.observe(root, { childList: true, subtree: true }, schedule));
    }
    const present = new Set(hosts().map((host) => host.getAttribute(ASK_HOST_ATTRIBUTE)));
    for (const thread of found.flatMap((root) => pages.reviewThreadMarks(root))) {
      if (present.has(thread.id)) continue;
      present.add(thread.id);
      place(makeButton(thread), thread);
    }
    watchDocument(settling);
  }

  function schedule(): void {
    cancelScan ??= deps.later(scan, SCAN_DELAY_MS);
  }

  function watchDocument(on: boolean): void {
    if (on && !documentWatch) {
      // Turbo replaces <body>, so from <html>
      documentWatch = deps.observe(doc.documentElement, { childList: true, subtree: true }, schedule);
    } else if (!on && documentWatch) {
      documentWatch.disconnect();
      documentWatch = undefined;
    }
  }

  function stopWatching(): void {
    cancelScan?.();
    cancelScan = undefined;
    cancelSettle?.();
    cancelSettle = undefined;
    settling = false;
    watchDocument(false);
    for (const observer of watched.values()) observer.disconnect();
    watched.clear();
  }

  return {
    refresh() {
      if (!deps.isPull()) return stopWatching();
      settling = true;
      cancelSettle?.();
      cancelSettle = deps.later(() => {
        // No container by now: a tab without threads (Commits, Checks) or markup this doesn't know
        settling = false;
        cancelSettle = undefined;
        watchDocument(false);
      }, SETTLE_MS);
      cancelScan?.();
      scan();
    },
    stop() {
      stopWatching();
      for (const host of hosts()) host.remove();
    },
  };
}
