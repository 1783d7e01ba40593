import type { Listen } from '@/lib/content/menu';

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
