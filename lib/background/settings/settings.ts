import type { ApiKeyStore } from '@/lib/background/keys/api-keys';
import { loadSettings, saveSettings } from '@/lib/background/settings/settings-store';
import { createOpenHandsError } from '@/lib/errors/error';
import type { SettingsView } from '@/lib/protocol/messages';
import { type ApiKey, cleanApiKey } from '@/lib/server/api-key';
import { isCloudServer, serverOrigin } from '@/lib/server/origin';
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

/**
 * A key typed on the options page, as it will be sent (the one place a typed key is cleaned): `Bearer ` and
 * surrounding whitespace stripped, null for an empty field, `undefined` when none was typed. Throws
 * `invalid_key` (saying what is wrong; nothing is sent) for one that cannot travel in a header.
 */
export function typedKey(apiKey: string | undefined): ApiKey | null | undefined {
  if (apiKey === undefined) return undefined;
  const checked = cleanApiKey(apiKey);
  if (!checked.ok) throw createOpenHandsError('invalid_key', { detail: checked.problem });
  return checked.key;
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
  // Checked first: a key that cannot be sent saves nothing, not even the other fields.
  const apiKey = typedKey(input.apiKey);
  const current = await loadSettings();
  const serverUrl = serverOrigin(input.serverUrl);
  const serverChanged = serverUrl !== current.serverUrl;
  await saveSettings({
    ...current,
    serverUrl,
    notifications: input.notifications,
    ...(serverChanged ? { apiVersion: null, appMode: null } : {}),
  });
  if (apiKey !== undefined) await apiKeys.write(serverUrl, apiKey);
  // The popup's cached list belongs to the old server or key: it may be another account's.
  if (serverChanged || apiKey !== undefined) await clearListCache();
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
