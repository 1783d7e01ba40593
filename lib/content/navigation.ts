/** GitHub's own navigation events (Turbo and React soft navigation), on `document`. */
export const DOCUMENT_EVENTS = [
  'turbo:render',
  'turbo:load',
  'soft-nav:react-done',
  'soft-nav:payload',
  'soft-nav:end',
] as const;

/** History changes, bfcache restores, and WXT's URL watcher as a backstop, on `window`. */
export const WINDOW_EVENTS = ['popstate', 'pageshow', 'wxt:locationchange'] as const;

/** The parts of WXT's `ContentScriptContext` used here, so tests can pass a fake. */
export type WatchContext = {
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
  requestAnimationFrame(callback: () => void): number;
  setTimeout(callback: () => void, ms: number): number;
  onInvalidated(callback: () => void): void;
};

/**
 * Calls `onChange` whenever the button may need mounting, moving or removing: after GitHub's navigation events
 * and history changes (`recheck: true`: look for the best anchor again), and after DOM insertions such as a
 * header rendered late or replaced by React (`recheck: false`: cheap unless the button is gone or in the
 * fallback). Calls are coalesced to one per frame, before paint, so the button never visibly blinks.
 */
export function watchPage(ctx: WatchContext, doc: Document, onChange: (recheck: boolean) => void): void {
  let pending = false;
  let recheck = false;

  const run = () => {
    const again = recheck;
    pending = false;
    recheck = false;
    onChange(again);
  };
  const schedule = (full: boolean) => {
    recheck ||= full;
    if (pending) return;
    pending = true;
    // Hidden tabs get no animation frames; a (throttled) timer still keeps them right
    if (doc.visibilityState === 'hidden') ctx.setTimeout(run, 50);
    else ctx.requestAnimationFrame(run);
  };

  const onNavigation = () => schedule(true);
  for (const type of DOCUMENT_EVENTS) ctx.addEventListener(doc, type, onNavigation);
  for (const type of WINDOW_EVENTS) ctx.addEventListener(window, type, onNavigation);
  ctx.addEventListener(doc, 'visibilitychange', onNavigation);

  // Turbo replaces <body>, so observe the whole document
  const observer = new MutationObserver(() => schedule(false));
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
