import type { Sender } from '@/lib/background/messaging/sender';
import { OpenHandsError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';

/** The GitHub button's on-demand bundle (entrypoints/github-ui.ts), at the root of the build. */
export const UI_BUNDLE = '/github-ui.js' as const;

/** What the background needs from `browser.scripting`. */
export type UiScripting = {
  executeScript(injection: {
    target: { tabId: number; frameIds: number[] };
    files: (typeof UI_BUNDLE)[];
  }): Promise<unknown>;
};

/**
 * `ui.load`: injects the UI bundle into the extension's isolated world of the frame that asked, and only
 * there (handleMessage lets only GitHub tabs ask). The bundle is no web-accessible resource: pages can't load
 * it. Resolves once it ran, so the resident script finds its API right after the reply.
 */
export async function loadUi(sender: Sender, scripting: UiScripting): Promise<null> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || tabId < 0) {
    throw new OpenHandsError('bad_request', t('errors.specific.loadUiOutsideTab'));
  }
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [UI_BUNDLE] });
  return null;
}
