import { browser } from '#imports';

/** Origins the extension needs from the start: Chrome grants them at install, Firefox MV3 asks the user. */
export const REQUIRED_ORIGINS = ['https://github.com/*', 'https://app.all-hands.dev/*'];

export async function hasRequiredAccess(): Promise<boolean> {
  return browser.permissions.contains({ origins: REQUIRED_ORIGINS });
}

/** Must run straight from a click: browsers show the prompt only during a user gesture. */
export function requestRequiredAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: REQUIRED_ORIGINS });
}
