import { createOpenHandsClient } from '@/lib/api/client';
import { authFor, detectServer } from '@/lib/api/detect';
import { createOpenHandsError } from '@/lib/api/errors';
import type { ApiKeyStore } from '@/lib/background/api-key';
import { loadSettings, saveSettings } from '@/lib/background/settings-store';
import { isCloudServer, type Settings } from '@/lib/settings/settings';

export type OpenHandsClient = ReturnType<typeof createOpenHandsClient>;

export interface Connection {
  serverUrl: string;
  apiVersion: 'v1' | 'v0';
  appMode: 'saas' | 'oss' | null;
  client: OpenHandsClient;
  settings: Settings;
}

export interface ConnectionDeps {
  apiKeys: ApiKeyStore;
  fetch: typeof fetch;
}

/**
 * A client for the configured server (or for unsaved values from the options page), with the API version
 * and auth style found by asking the server. What was found is remembered for the saved server.
 */
export async function connect(
  deps: ConnectionDeps,
  override: { serverUrl?: string; apiKey?: string } = {},
): Promise<Connection> {
  const settings = await loadSettings();
  const serverUrl = override.serverUrl ?? settings.serverUrl;
  const key = override.apiKey ?? (await deps.apiKeys.read());
  if (!key && isCloudServer(serverUrl)) throw createOpenHandsError('no_key');

  const isSaved = serverUrl === settings.serverUrl;
  let { apiVersion, appMode } = isSaved ? settings : { apiVersion: null, appMode: null };
  if (!apiVersion) {
    const probe = createOpenHandsClient({ baseUrl: serverUrl, auth: null, fetch: deps.fetch });
    ({ apiVersion, appMode } = await detectServer(probe));
    if (isSaved) await saveSettings({ ...settings, apiVersion, appMode });
  }
  const auth = authFor(serverUrl, appMode, key);
  const client = createOpenHandsClient({ baseUrl: serverUrl, auth, fetch: deps.fetch });
  return { serverUrl, apiVersion, appMode, client, settings };
}
