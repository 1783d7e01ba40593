import type { ServerMode } from './types.ts';

/** Who may call protected routes, per deployment. */

export interface AuthRejection {
  status: 401;
  body: unknown;
}

/**
 * Cloud checks, in order, `Authorization: Bearer`, `X-Session-API-Key` and `X-Access-Token` (the scheme its
 * OpenAPI declares). Self-hosted servers started with SESSION_API_KEY check only `X-Session-API-Key`.
 */
export function checkAuth(
  mode: ServerMode,
  apiKey: string | null,
  headers: Record<string, string>,
): AuthRejection | null {
  if (mode === 'cloud') {
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
    const offered = [bearer, headers['x-session-api-key'], headers['x-access-token']].filter(
      (key): key is string => !!key,
    );
    // With no configured key, Cloud mode still wants some credential: it never serves anonymous callers.
    const ok = apiKey === null ? offered.length > 0 : offered.includes(apiKey);
    return ok ? null : { status: 401, body: { error: 'failed to authenticate' } };
  }
  if (apiKey === null || headers['x-session-api-key'] === apiKey) return null;
  // FastAPI's bare HTTPException(401), as raised by check_session_api_key.
  return { status: 401, body: { detail: 'Unauthorized' } };
}
