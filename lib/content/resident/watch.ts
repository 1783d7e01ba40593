import type { Listen } from '@/lib/content/resident/trusted';

/** GitHub's own navigation events (Turbo and React soft navigation), on `document`. */
export const DOCUMENT_EVENTS = [
  'turbo:render',
  'turbo:load',
  'soft-nav:react-done',
  'soft-nav:payload',
  'soft-nav:end',
] as const;

/** History changes and bfcache restores, on `window`. */
export const WINDOW_EVENTS = ['popstate', 'pageshow'] as const;

/**
 * Calls `onNavigate` after GitHub's navigation events and history changes. These are cheap to listen to, so
 * they are watched on every GitHub page: they are how a repository page becomes an issue page. The Navigation
 * API's `currententrychange` (where the browser has it) also catches a `pushState` without any GitHub event.
 */
export function watchNavigation(listen: Listen, doc: Document, win: Window, onNavigate: () => void): void {
  for (const type of DOCUMENT_EVENTS) listen(doc, type, onNavigate);
  for (const type of WINDOW_EVENTS) listen(win, type, onNavigate);
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (navigation) listen(navigation, 'currententrychange', onNavigate);
}

/** Something that is on while the page needs it, and off (costing nothing) otherwise. */
export type Switch = { toggle(on: boolean): void };

/** The keyframes whose `animationstart` says that a watched element was inserted. */
export const INSERTION_ANIMATION = 'openhands-insert';

/**
 * An insertion observer made of CSS: every element matching `selectors` (outside `skipInside`) gets a 1 ms
 * animation, and the browser fires `animationstart` for each one present or inserted later. Unlike a
 * MutationObserver on the whole document, nothing runs for the page's other DOM changes. The style hangs off
 * `<html>`, where Turbo's `<head>` merges and `<body>` swaps leave it alone.
 */
export function createInsertionWatch(
  doc: Document,
  selectors: readonly string[],
  skipInside: readonly string[],
  onInsert: () => void,
): Switch {
  const css =
    `@keyframes ${INSERTION_ANIMATION}{}` +
    `:is(${selectors.join()}):not(:is(${skipInside.join()}) *){animation:${INSERTION_ANIMATION} 1ms}`;
  let style: HTMLStyleElement | undefined;
  const handler = (event: Event) => {
    if ((event as AnimationEvent).animationName === INSERTION_ANIMATION) onInsert();
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
