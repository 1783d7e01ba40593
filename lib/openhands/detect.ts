import { OpenHandsError } from '@/lib/errors/error';
import type { OpenHandsClient } from '@/lib/openhands/client';
import type { Auth } from '@/lib/openhands/http';
import type { AppMode } from '@/lib/openhands/schemas-v1';
import type { ApiKey } from '@/lib/server/api-key';
import { isCloudServer, type ServerOrigin } from '@/lib/server/origin';

export interface ServerInfo {
  apiVersion: 'v1' | 'v0';
  appMode: AppMode | null;
}

const asAppMode = (mode: string): AppMode | null => (mode === 'saas' || mode === 'oss' ? mode : null);

/** Codes that prove a route exists even though we may not use it yet. */
const ROUTE_EXISTS = new Set(['no_key', 'unauthorized', 'forbidden']);

/**
 * Which API a server speaks: probe instead of guessing from versions. V1 answers
 * `web-client/config` without auth; otherwise a legacy server answers `GET /api/conversations`.
 */
export async function detectServer(client: OpenHandsClient): Promise<ServerInfo> {
  try {
    const config = await client.getWebClientConfig();
    return { apiVersion: 'v1', appMode: asAppMode(config.app_mode) };
  } catch (err) {
    // 404: no V1. An unreadable 200 (an HTML page from an old server's SPA fallback) also isn't V1.
    const notV1 = err instanceof OpenHandsError && (err.code === 'not_found' || err.code === 'bad_response');
    if (!notV1) throw err;
  }
  try {
    await client.listConversationsV0({ limit: 1 });
  } catch (err) {
    // A V0 server started with SESSION_API_KEY answers 401 to a probe without the key: still V0.
    if (!(err instanceof OpenHandsError && ROUTE_EXISTS.has(err.code))) throw err;
  }
  return { apiVersion: 'v0', appMode: null };
}

/**
 * Whether a server takes OpenHands API keys (from its Settings → API Keys page): Cloud and other `saas`
 * servers (Enterprise). Self-hosted (`oss`) and legacy V0 servers take the SESSION_API_KEY they were started with.
 */
export function takesApiKeys(serverUrl: ServerOrigin, appMode: AppMode | null): boolean {
  return appMode === 'saas' || isCloudServer(serverUrl);
}

/**
 * The auth for a server: an API key as Bearer where the server takes API keys, otherwise the session key as
 * `X-Session-API-Key`. No key, no auth.
 */
export function authFor(
  serverUrl: ServerOrigin,
  appMode: AppMode | null,
  key: ApiKey | null | undefined,
): Auth {
  if (!key) return null;
  return { kind: takesApiKeys(serverUrl, appMode) ? 'bearer' : 'session', key };
}
