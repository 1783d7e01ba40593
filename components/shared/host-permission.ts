import { browser } from '#imports';
import { isCloudServer, originPattern, type ServerOrigin } from '@/lib/server/origin';

/**
 * Asks for access to a self-hosted server. Must be called straight from a click handler, before any
 * other await: browsers only show the prompt during a user gesture. Cloud is granted at install.
 */
export async function requestServerPermission(serverUrl: ServerOrigin): Promise<boolean> {
  if (isCloudServer(serverUrl)) return true;
  try {
    return await browser.permissions.request({ origins: [originPattern(serverUrl)] });
  } catch {
    return false;
  }
}
