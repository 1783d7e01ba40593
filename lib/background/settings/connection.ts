import type { ApiKeyStore } from '@/lib/background/keys/api-keys';
import { loadSettings, saveSettings } from '@/lib/background/settings/settings-store';
import { createOpenHandsError, OpenHandsError } from '@/lib/errors/error';
import { createOpenHandsClient, type OpenHandsClient } from '@/lib/openhands/client';
import { authFor, detectServer, type ServerInfo, takesApiKeys } from '@/lib/openhands/detect';
import type { ApiKey } from '@/lib/server/api-key';
import { isCloudServer, type ServerOrigin, serverOrigin } from '@/lib/server/origin';
import type { Settings } from '@/lib/storage/settings';

export interface Connection {
  serverUrl: ServerOrigin;
  apiVersion: 'v1' | 'v0';
  appMode: 'saas' | 'oss' | null;
  client: OpenHandsClient;
  settings: Settings;
  /** Whether `apiVersion` and `appMode` were just asked of the server rather than remembered. */
  probed: boolean;
}

export interface ConnectionDeps {
  apiKeys: ApiKeyStore;
  fetch: typeof fetch;
}

export interface ConnectOptions {
  /** A server other than the saved one: the options page's unsaved URL. */
  serverUrl?: ServerOrigin;
  /** A key typed on the options page, cleaned (`typedKey`); null or absent: the key saved for `serverUrl`, if any. */
  apiKey?: ApiKey | null;
  /** Ask the server what it is even when that is remembered ("Test connection", a server that changed). */
  probe?: boolean;
}

const sameServer = (a: string, b: string) => serverOrigin(a) === serverOrigin(b);

/** Remembers what the server said, unless the saved server changed meanwhile. */
async function rememberServer(serverUrl: ServerOrigin, info: ServerInfo): Promise<void> {
  const settings = await loadSettings();
  if (sameServer(settings.serverUrl, serverUrl)) await saveSettings({ ...settings, ...info });
}

/**
 * A client for the saved server (or for unsaved values from the options page), with the API version and
 * auth style found by asking the server; what was found is remembered for the saved server. The key is the
 * one typed or saved for exactly this server: another server's key is never sent.
 */
export async function connect(deps: ConnectionDeps, options: ConnectOptions = {}): Promise<Connection> {
  const settings = await loadSettings();
  const serverUrl = options.serverUrl ?? settings.serverUrl;
  const key = options.apiKey ?? (await deps.apiKeys.read(serverUrl));
  if (!key && isCloudServer(serverUrl))
    throw createOpenHandsError('no_key', { server: serverUrl, cloud: true });

  const isSaved = sameServer(serverUrl, settings.serverUrl);
  const remembered = isSaved && !options.probe ? settings.apiVersion : null;
  let info: ServerInfo;
  if (remembered) info = { apiVersion: remembered, appMode: settings.appMode };
  else {
    // Keyless (the probe's routes need none), but its errors know a key exists: "add a key" would be wrong.
    const probe = createOpenHandsClient({
      baseUrl: serverUrl,
      auth: null,
      keySaved: Boolean(key),
      fetch: deps.fetch,
    });
    info = await detectServer(probe);
    if (isSaved) await rememberServer(serverUrl, info);
  }
  const client = createOpenHandsClient({
    baseUrl: serverUrl,
    auth: authFor(serverUrl, info.appMode, key),
    cloud: takesApiKeys(serverUrl, info.appMode),
    keySaved: Boolean(key),
    fetch: deps.fetch,
  });
  return { serverUrl, ...info, client, settings, probed: !remembered };
}

/**
 * Whether a call failed because the server no longer speaks the API version remembered for it: a V1 route
 * answering 404 (V1 reads answer unknown ids with null, never 404), or a V0 route answering 404 or 405.
 */
export function isRouteGone(error: unknown, apiVersion: 'v1' | 'v0'): boolean {
  if (!(error instanceof OpenHandsError)) return false;
  return error.code === 'not_found' || (apiVersion === 'v0' && error.status === 405);
}

/**
 * Runs route-level calls (start, list, batch reads, start tasks) on the saved server. Servers change: when
 * the API version remembered for it is gone, asks the server again once, remembers the answer and retries
 * the call once. Not for calls whose 404 means something else (V0 `getConversation`: unknown conversation).
 */
export async function withConnection<T>(
  deps: ConnectionDeps,
  call: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await connect(deps);
  try {
    return await call(connection);
  } catch (error) {
    if (connection.probed || !isRouteGone(error, connection.apiVersion)) throw error;
    return call(await connect(deps, { probe: true }));
  }
}
