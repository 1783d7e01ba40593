import { type ApiKeyStore, keyHint } from '@/lib/background/api-key';
import { loadSettings, saveSettings } from '@/lib/background/settings-store';
import type { SettingsView } from '@/lib/messages';
import { isCloudServer, normaliseServerUrl } from '@/lib/settings/settings';

/** Settings as pages may see them: whether a key is stored and its last characters, never the key. */
export async function getSettingsView(apiKeys: ApiKeyStore): Promise<SettingsView> {
  const settings = await loadSettings();
  const key = await apiKeys.read();
  return {
    serverUrl: settings.serverUrl,
    notifications: settings.notifications,
    hasKey: Boolean(key),
    keyHint: key ? keyHint(key) : null,
    isCloud: isCloudServer(settings.serverUrl),
  };
}

export interface SaveInput {
  serverUrl: string;
  /** `undefined` keeps the stored key; `''` removes it. */
  apiKey?: string;
  notifications: boolean;
}

/** Saves settings; a new server is probed again on next use. */
export async function saveSettingsFromPage(input: SaveInput, apiKeys: ApiKeyStore): Promise<SettingsView> {
  const current = await loadSettings();
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const serverChanged = serverUrl !== current.serverUrl;
  await saveSettings({
    ...current,
    serverUrl,
    notifications: input.notifications,
    ...(serverChanged ? { apiVersion: null, appMode: null } : {}),
  });
  if (input.apiKey !== undefined) await apiKeys.write(input.apiKey.trim() || null);
  return getSettingsView(apiKeys);
}
