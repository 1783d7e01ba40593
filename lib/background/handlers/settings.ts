import type { ApiKeyStore } from '@/lib/background/keys/api-keys';
import { loadSettings, saveSettings } from '@/lib/background/settings-store';
import type { SettingsView } from '@/lib/messages';
import { isCloudServer, serverOrigin } from '@/lib/openhands/server-url';
import { clearListCache } from '@/lib/storage/list-cache';

/** Settings as pages may see them: which servers have a key and its last characters, never a key. */
export async function getSettingsView(apiKeys: ApiKeyStore): Promise<SettingsView> {
  const settings = await loadSettings();
  const keyHints = await apiKeys.hints();
  const hint = keyHints[serverOrigin(settings.serverUrl)] ?? null;
  return {
    serverUrl: settings.serverUrl,
    notifications: settings.notifications,
    hasKey: hint !== null,
    keyHint: hint,
    keyHints,
    isCloud: isCloudServer(settings.serverUrl),
  };
}

export interface SaveInput {
  serverUrl: string;
  /** The key for this server: `undefined` keeps the one saved for it (if any); `''` removes it. */
  apiKey?: string;
  notifications: boolean;
}

/**
 * Saves settings; a new server is probed again on next use. A key is saved for the server it was typed
 * with; switching servers without typing one uses that server's own saved key, or none.
 */
export async function saveSettingsFromPage(input: SaveInput, apiKeys: ApiKeyStore): Promise<SettingsView> {
  const current = await loadSettings();
  const serverUrl = serverOrigin(input.serverUrl);
  const serverChanged = serverUrl !== current.serverUrl;
  await saveSettings({
    ...current,
    serverUrl,
    notifications: input.notifications,
    ...(serverChanged ? { apiVersion: null, appMode: null } : {}),
  });
  if (input.apiKey !== undefined) await apiKeys.write(serverUrl, input.apiKey.trim() || null);
  // The popup's cached list belongs to the old server or key: it may be another account's.
  if (serverChanged || input.apiKey !== undefined) await clearListCache();
  return getSettingsView(apiKeys);
}

/** Removes the key saved for one server ("Remove key" on the options page). */
export async function removeKeyFromPage(
  input: { serverUrl: string },
  apiKeys: ApiKeyStore,
): Promise<SettingsView> {
  const serverUrl = serverOrigin(input.serverUrl);
  await apiKeys.write(serverUrl, null);
  if (serverUrl === (await loadSettings()).serverUrl) await clearListCache();
  return getSettingsView(apiKeys);
}
