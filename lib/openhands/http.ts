import type { z } from 'zod';
import { createOpenHandsError, OpenHandsError, toOpenHandsError, zodHint } from '@/lib/errors/error';
import { errorFromResponse } from '@/lib/errors/from-response';
import { t } from '@/lib/i18n';
import type { ApiKey } from '@/lib/server/api-key';
import type { ServerOrigin } from '@/lib/server/origin';

/** How a request proves who it is: Cloud takes a Bearer key, self-hosted servers a session key. */
export type Auth = { kind: 'bearer' | 'session'; key: ApiKey } | null;

export interface HttpConfig {
  baseUrl: ServerOrigin;
  auth: Auth;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  /** For error messages: the server takes OpenHands API keys (Cloud, saas), not a SESSION_API_KEY. */
  cloud: boolean;
  /** For error messages: a key is set for this server, even when a request does not carry it. */
  keySaved: boolean;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: S;
  /** Send the key; off for endpoints that need none, so the key goes nowhere it isn't needed. */
  withAuth?: boolean;
}

/** `base + path + ?query`, with arrays as repeated keys (`ids=a&ids=b`) and empty values left out. */
export function buildUrl(
  baseUrl: ServerOrigin,
  path: string,
  query: Record<string, QueryValue> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  const search = params.toString();
  return `${baseUrl}/${path.replace(/^\/+/, '')}${search ? `?${search}` : ''}`;
}

/** The auth header for `auth`, or none. The key was cleaned once, where it was typed or read (`ApiKey`). */
export function authHeaders(auth: Auth): Record<string, string> {
  if (!auth) return {};
  return auth.kind === 'bearer' ? { Authorization: `Bearer ${auth.key}` } : { 'X-Session-API-Key': auth.key };
}

/**
 * Belt and braces: scrubs the key from any server-provided text before it reaches an error. Keys too short to
 * be secrets are skipped, so a test key like `abc` doesn't mangle ordinary words.
 */
function redact(err: OpenHandsError, key: string | undefined): OpenHandsError {
  if (!key || key.length < 8 || (!err.message.includes(key) && !err.detail?.includes(key))) return err;
  const scrub = (text: string) => text.replaceAll(key, '[redacted]');
  return new OpenHandsError(err.code, scrub(err.message), {
    status: err.status,
    retryAfterSeconds: err.retryAfterSeconds,
    limit: err.limit,
    current: err.current,
    detail: err.detail === undefined ? undefined : scrub(err.detail),
    action: err.action,
    url: err.url,
  });
}

/** One JSON request: maps failures to `OpenHandsError` and validates the response with `schema`. */
export async function request<S extends z.ZodType>(
  config: HttpConfig,
  { method = 'GET', path, query, body, schema, withAuth = true }: RequestOptions<S>,
): Promise<z.output<S>> {
  const server = config.baseUrl;
  const auth = withAuth ? config.auth : null;
  const ctx = { server, timeoutMs: config.timeoutMs, cloud: config.cloud, keySaved: config.keySaved };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const credentials = authHeaders(auth);
    const headers: Record<string, string> = { Accept: 'application/json', ...credentials };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await config.fetch(buildUrl(server, path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The key travels in a header; cookies from a logged-in OpenHands tab must not change who we are.
        credentials: 'omit',
        signal: controller.signal,
      });
      // Reading the body is inside the timeout too: a server can stall mid-response.
      text = await response.text();
    } catch (err) {
      if (controller.signal.aborted) throw createOpenHandsError('timeout', ctx);
      throw toOpenHandsError(err, ctx);
    }
    if (!response.ok) {
      throw errorFromResponse(response.status, response.headers, text, {
        server,
        cloud: config.cloud,
        keySaved: config.keySaved,
        keySent: Object.keys(credentials).length > 0,
      });
    }
    let json: unknown;
    try {
      json = text.trim() ? JSON.parse(text) : null;
    } catch {
      throw createOpenHandsError('bad_response', {
        ...ctx,
        status: response.status,
        detail: t('errors.notJson'),
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw createOpenHandsError('bad_response', {
        ...ctx,
        status: response.status,
        detail: zodHint(parsed.error),
      });
    }
    return parsed.data;
  } catch (err) {
    throw redact(toOpenHandsError(err, ctx), auth?.key);
  } finally {
    clearTimeout(timer);
  }
}
