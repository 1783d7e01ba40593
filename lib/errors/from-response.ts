import { createOpenHandsError, type OpenHandsError } from '@/lib/errors/error';
import { DEFAULT_RETRY_AFTER_SECONDS, type ErrorContext } from '@/lib/errors/messages';
import { formatNumber, t } from '@/lib/i18n';
import type { ServerOrigin } from '@/lib/server/origin';

const MAX_REASON_CHARS = 200;
const MAX_VALIDATION_LINES = 5;

/** `Retry-After` as whole seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  // A date in the past still means "not yet"; wait at least a second.
  return Math.max(1, Math.ceil((at - now) / 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const clip = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_CHARS ? `${flat.slice(0, MAX_REASON_CHARS - 1)}…` : flat;
};

/**
 * A short, safe reason from an error body. Servers answer `{detail}` (FastAPI), `{error}` (middleware) or
 * `{message}` (V0); proxies answer HTML, which is never shown raw: only its `<title>` survives.
 */
export function describeBody(text: string, contentType = ''): string | undefined {
  if (!text.trim()) return undefined;
  const json = parseJson(text);
  if (json !== undefined) {
    if (typeof json === 'string') return clip(json) || undefined;
    if (!isRecord(json)) return undefined;
    for (const key of ['detail', 'message', 'error'] as const) {
      const value = json[key];
      if (typeof value === 'string' && value.trim()) return clip(value);
      if (isRecord(value) && typeof value.message === 'string') return clip(value.message);
    }
    return undefined;
  }
  if (contentType.includes('html') || /^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    return title?.trim() ? clip(title) : undefined;
  }
  return clip(text) || undefined;
}

/** FastAPI's `detail[]` as `field: msg` lines; a string detail as is. */
export function formatValidationDetail(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const { detail } = body;
  if (typeof detail === 'string') return clip(detail);
  if (!Array.isArray(detail)) return undefined;
  const lines = detail.filter(isRecord).map((item) => {
    const loc = Array.isArray(item.loc) ? item.loc.map(String) : [];
    // The first element says where the field was (body, query, path); users care about the field.
    const field = (['body', 'query', 'path', 'header'].includes(loc[0] ?? '') ? loc.slice(1) : loc).join('.');
    const msg = typeof item.msg === 'string' ? item.msg : t('errors.invalidField');
    return clip(field ? `${field}: ${msg}` : msg);
  });
  if (lines.length === 0) return undefined;
  const extra = lines.length - MAX_VALIDATION_LINES;
  return [
    ...lines.slice(0, MAX_VALIDATION_LINES),
    ...(extra > 0 ? [t('errors.moreLines', { count: formatNumber(extra) })] : []),
  ].join('\n');
}

export interface ResponseErrorContext extends Pick<ErrorContext, 'cloud' | 'keySaved'> {
  server: ServerOrigin;
  /**
   * Whether the request carried a key: a 401 without one means "add a key" when none is saved, and
   * something in the way of a keyless request when one is; never "wrong key".
   */
  keySent: boolean;
  now?: number;
}

/** Maps a non-2xx response to the error the UI shows. */
export function errorFromResponse(
  status: number,
  headers: Headers,
  text: string,
  { now, ...facts }: ResponseErrorContext,
): OpenHandsError {
  const body = parseJson(text);
  const reason = describeBody(text, headers.get('content-type') ?? '');
  const retryAfterSeconds = parseRetryAfter(headers.get('retry-after'), now);
  const base = { ...facts, status, detail: reason };

  if (status === 401)
    return createOpenHandsError(facts.keySent || facts.keySaved ? 'unauthorized' : 'no_key', base);
  if (status === 403) return createOpenHandsError('forbidden', base);
  if (status === 404) return createOpenHandsError('not_found', base);
  if (status === 422)
    return createOpenHandsError('validation', { ...base, detail: formatValidationDetail(body) });
  if (status === 429) {
    const detail = isRecord(body) && isRecord(body.detail) ? body.detail : undefined;
    if (detail?.error === 'CONCURRENCY_LIMIT_REACHED') {
      const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
      return createOpenHandsError('concurrency_limit', {
        ...base,
        limit: num(detail.limit),
        current: num(detail.current),
      });
    }
    return createOpenHandsError('rate_limited', {
      ...base,
      retryAfterSeconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    });
  }
  if (status >= 500) return createOpenHandsError('server_error', { ...base, retryAfterSeconds });
  return createOpenHandsError('bad_request', base);
}
