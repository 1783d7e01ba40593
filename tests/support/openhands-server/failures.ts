import type { Failure, FailureKind, FailureSpec } from './types.ts';

/** Failures that tests queue with `failNext`, and the exact answer each one produces. */

export const FAILURE_KINDS: readonly FailureKind[] = [
  'unauthorized',
  'forbidden',
  'rate_limited',
  'concurrency_limit',
  'validation',
  'server_error',
  'server_error_html',
  'timeout',
  'timeout_after_handling',
  'malformed',
  'not_json',
  'disconnect',
  'service_unavailable',
];

const DEFAULT_RETRY_AFTER = 7;

export class FailureQueue {
  private entries: { spec: FailureSpec; remaining: number }[] = [];

  add(failure: Failure, count = 1): void {
    const spec = typeof failure === 'string' ? { kind: failure } : failure;
    if (!FAILURE_KINDS.includes(spec.kind)) throw new Error(`Unknown failure kind: ${spec.kind}`);
    if (count > 0) this.entries.push({ spec, remaining: count });
  }

  /** The first queued failure matching this request, consumed; null when none applies. */
  take(method: string, path: string): FailureSpec | null {
    const entry = this.entries.find(
      ({ spec }) =>
        (!spec.path || path.startsWith(spec.path)) && (!spec.method || spec.method.toUpperCase() === method),
    );
    if (!entry) return null;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries.splice(this.entries.indexOf(entry), 1);
    return entry.spec;
  }

  get pending(): number {
    return this.entries.reduce((sum, e) => sum + e.remaining, 0);
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * Failures that let the request do its work (e.g. create the start task) and only withhold the answer, like
 * an answer lost on the way back: the client times out without knowing what happened.
 */
export function handlesRequest(spec: FailureSpec): boolean {
  return spec.kind === 'timeout_after_handling';
}

/** What to send for a failure; `timeout`, `timeout_after_handling` and `disconnect` send nothing. */
export interface FailureAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON value for JSON answers, or the raw text for `contentType` text answers. */
  json?: unknown;
  text?: string;
  contentType: string;
}

export function failureAnswer(spec: FailureSpec): FailureAnswer | null {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): FailureAnswer => ({
    status,
    headers,
    json: body,
    contentType: 'application/json',
  });
  switch (spec.kind) {
    case 'unauthorized':
      return json(401, { error: 'failed to authenticate' });
    case 'forbidden':
      return json(403, { error: 'EmailNotVerifiedError' });
    case 'rate_limited': {
      // Cloud's per-user limiter (slowapi-style headers); Reset is an epoch second.
      const retryAfter = spec.retryAfter ?? DEFAULT_RETRY_AFTER;
      return json(
        429,
        { error: 'Rate limit exceeded: 10 per 1 second' },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '10',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + retryAfter),
        },
      );
    }
    case 'concurrency_limit':
      return json(429, {
        detail: {
          error: 'CONCURRENCY_LIMIT_REACHED',
          message: 'Maximum concurrent conversations reached',
          limit: 3,
          current: 3,
        },
      });
    case 'validation':
      return json(422, {
        detail: [
          {
            loc: ['body'],
            msg: 'Value error, injected validation failure',
            type: 'value_error',
            input: null,
          },
        ],
      });
    case 'server_error':
      return json(500, { detail: 'Internal Server Error' });
    case 'service_unavailable':
      // What send-message answers when the agent server cannot be reached.
      return json(503, { detail: 'Agent server is not available' });
    case 'server_error_html':
      return {
        status: 502,
        headers: {},
        text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        contentType: 'text/html',
      };
    case 'malformed':
      return json(200, { unexpected: true });
    case 'not_json':
      return { status: 200, headers: {}, text: 'OK <this is not JSON> {', contentType: 'text/plain' };
    case 'timeout':
    case 'timeout_after_handling':
    case 'disconnect':
      return null;
  }
}
