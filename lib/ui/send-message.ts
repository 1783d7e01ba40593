import { browser } from '#imports';
import type { Reply, Request } from '@/lib/messages';

/** Asks the background for something. Always resolves: failures come back as `{ok: false, error}`. */
export async function sendMessage<T>(request: Request): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return (
      reply ?? { ok: false, error: { code: 'no_reply', message: 'The extension did not answer. Try again.' } }
    );
  } catch (error) {
    const invalidated = String(error).includes('Extension context invalidated');
    return {
      ok: false,
      error: {
        code: invalidated ? 'reloaded' : 'no_reply',
        message: invalidated
          ? 'Send to OpenHands was updated or reloaded. Reload this page and try again.'
          : 'The extension did not answer. Try again.',
      },
    };
  }
}
