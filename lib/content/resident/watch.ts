import type { Listen } from '@/lib/content/resident/trusted';

/** GitHub's own navigation events (Turbo and React soft navigation), fired at `document` or below. */
export const DOCUMENT_EVENTS = [
  'turbo:render',
  'turbo:load',
  'soft-nav:react-done',
  'soft-nav:payload',
  'soft-nav:end',
] as const;

/**
 * Calls `onNavigate` after GitHub's navigation events, history changes and bfcache restores. These are cheap
 * to listen to, so they are watched on every GitHub page: they are how a repository page becomes an issue page.
 * GitHub's events are caught on `window` as they pass down to `document` (capture, so events that do not bubble
 * count too): on pages that are not issues or PRs the script then never touches `document`, whose bindings
 * alone cost a page view about a millisecond.
 */
export function watchNavigation(listen: Listen, win: Window, onNavigate: () => void): void {
  for (const type of DOCUMENT_EVENTS) listen(win, type, onNavigate, { capture: true });
  listen(win, 'popstate', onNavigate);
  // On a first load `pageshow` brings nothing new; after a restore from the bfcache the page may have changed
  listen(win, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted) onNavigate();
  });
}

/** Something that is on while the page needs it, and off (costing nothing) otherwise. */
export type Switch = { toggle(on: boolean): void };

/** The keyframes whose `animationstart` says that a watched element was inserted. */
export const INSERTION_ANIMATION = 'openhands-insert';

/**
 * An insertion observer made of CSS: every element matching `selectors` (outside `skipInside`) gets a 1 ms
 * animation, and the browser fires `animationstart` for each one present or inserted later (`onInsert`). Unlike a
 * MutationObserver on the whole document, nothing runs for the page's other DOM changes. The style hangs off
 * `<html>`, where Turbo's `<head>` merges and `<body>` swaps leave it alone.
 */
export function createInsertionWatch(
  doc: Document,
  selectors: readonly string[],
  skipInside: readonly string[],
  onInsert: (element: Element) => void,
): Switch {
  const css =
    `@keyframes ${INSERTION_ANIMATION}{}` +
    `:is(${selectors.join()}):not(:is(${skipInside.join()}) *){animation:${INSERTION_ANIMATION} 1ms}`;
  let style: HTMLStyleElement | undefined;
  const handler = (event: Event) => {
    if ((event as AnimationEvent).animationName === INSERTION_ANIMATION) onInsert(event.target as Element);
  };
  return {
    toggle(on) {
      if (on) {
        if (!style) {
          doc.addEventListener('animationstart', handler, true);
          style = doc.createElement('style');
          style.textContent = css;
        }
        if (!style.isConnected) doc.documentElement.append(style);
      } else if (style) {
        doc.removeEventListener('animationstart', handler, true);
        style.remove();
        style = undefined;
      }
    },
  };
}

/**
 * A MutationObserver on the whole document, for the short time the button waits for a header: animation
 * events come a frame or two after an insertion, a MutationObserver in the same frame.
 */
export function createMutationWatch(doc: Document, onMutate: () => void): Switch {
  let observer: MutationObserver | undefined;
  return {
    toggle(on) {
      if (on && !observer) {
        observer = new MutationObserver(onMutate);
        // Turbo replaces <body>, so observe from <html>
        observer.observe(doc.documentElement, { childList: true, subtree: true });
      } else if (!on && observer) {
        observer.disconnect();
        observer = undefined;
      }
    },
  };
}
