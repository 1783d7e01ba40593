import { type ServerOrigin, serverOrigin } from '@/lib/server/origin';

/*
 * Offline and back (issue 17): while polls of a server fail they back off, up to minutes apart. The first
 * request to that server that succeeds again (a page opening, the popup's list, a start) says it is back, so
 * what was waiting is polled at once rather than when its back-off runs out.
 */

/** The server a request goes to; null for what is not a URL. */
function originOf(input: Parameters<typeof fetch>[0]): ServerOrigin | null {
  try {
    return serverOrigin(input instanceof Request ? input.url : String(input));
  } catch {
    return null;
  }
}

/**
 * `fetch`, watched: after a failed request (a network error or an error status), the next successful answer
 * from a server calls `onBack` with its origin. Costs nothing while requests keep succeeding.
 */
export function watchServerAnswers(
  fetchImpl: typeof fetch,
  onBack: (origin: ServerOrigin) => void,
): typeof fetch {
  let failedSince = false;
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      failedSince = true;
      throw error;
    }
    if (!response.ok) failedSince = true;
    else if (failedSince) {
      failedSince = false;
      const origin = originOf(input);
      if (origin) onBack(origin);
    }
    return response;
  };
}
