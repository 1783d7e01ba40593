/** A request as the client sent it, for assertions and contract checks. */
export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
  init: RequestInit;
}

export type Handler = (req: RecordedRequest) => Response | Promise<Response>;

/** A `fetch` that records every request and answers with `handler`. */
export function recordingFetch(handler: Handler) {
  const calls: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const req: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      init,
    };
    calls.push(req);
    return handler(req);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A JSON response with `status` and extra headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A `fetch` that never answers until its signal aborts, like a stalled server. */
export const hangingFetch = ((_input: unknown, init: RequestInit = {}) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof globalThis.fetch;
