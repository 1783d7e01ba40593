import type { Sender } from '@/lib/background/messaging/sender';
import { OpenHandsError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';

/** The GitHub button's on-demand bundle (entrypoints/github-ui.ts), at the root of the build. */
export const UI_BUNDLE = '/github-ui.js' as const;
/** The review threads' "Ask OpenHands" buttons on their own (entrypoints/github-threads.ts). */
export const THREADS_BUNDLE = '/github-threads.js' as const;
export type Bundle = typeof UI_BUNDLE | typeof THREADS_BUNDLE;

/** What the background needs from `browser.scripting`. */
export type UiScripting = {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] };
    files: Bundle[];
  }): Promise<unknown>;
};

/**
 * `ui.load` and `threads.load`: inject a bundle into the extension's isolated world of the frame that asked,
 * and only there (handleMessage lets only GitHub tabs ask). No bundle is a web-accessible resource: pages
 * can't load them. Resolves once it ran, so the asking script finds its API right after the reply.
 */
export async function loadBundle(bundle: Bundle, sender: Sender, scripting: UiScripting): Promise<null> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || tabId < 0) {
    throw new OpenHandsError('bad_request', t('errors.specific.loadUiOutsideTab'));
  }
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [bundle] });
  return null;
}
