import { registeredUi, registerUi, type UiApi } from '@/lib/content/resident/contract';

/**
 * Registers the UI for the resident script, once per world: a second injection (two clicks racing on a slow
 * background, or the background's page watch after a soft navigation) keeps the first copy, which refreshes
 * for the page now shown. A copy left by a reloaded or updated extension may share the world (the
 * isolated world outlives the extension in open tabs); it can no longer reach the background, so it goes.
 */
export function installUi(make: () => UiApi, scope: object = globalThis): UiApi {
  const existing = registeredUi(scope);
  if (existing?.alive()) {
    existing.refresh();
    return existing;
  }
  existing?.destroy();
  const api = make();
  registerUi(api, scope);
  return api;
}
