/** Adds an event listener; the caller decides when listeners end (an `AbortSignal` in `options`). */
export type Listen = (
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  options?: AddEventListenerOptions,
) => void;

/**
 * Wraps `listen` so handlers see only events the browser made from real user input. Our shadow roots are
 * open, so a script in the GitHub page could otherwise `.click()` the button and start a conversation; its
 * synthetic events have `isTrusted === false` and are dropped here.
 */
export function trustedOnly(listen: Listen): Listen {
  return (target, type, handler, options) =>
    listen(
      target,
      type,
      (event: Event) => {
        if (event.isTrusted) handler(event);
      },
      options,
    );
}
