import { browser } from '#imports';
import { CLOUD_ORIGIN, originPattern } from '@/lib/server/origin';

/** Origins the extension needs from the start: Chrome grants them at install, Firefox MV3 asks the user. */
export const REQUIRED_ORIGINS = ['https://github.com/*', originPattern(CLOUD_ORIGIN)];

export async function hasRequiredAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: REQUIRED_ORIGINS });
}

/** Must run straight from a click: browsers show the prompt only during a user gesture. */
export function requestRequiredAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: REQUIRED_ORIGINS });
}
