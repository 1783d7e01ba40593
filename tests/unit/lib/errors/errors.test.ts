// @vitest-environment node

import { describe, expect, it } from 'vitest';
import { toStartRequestV0, toStartRequestV1 } from '@/lib/conversations/start-request';
import {
  createOpenHandsError,
  deserializeError,
  messageErrorSchema,
  OpenHandsError,
  serializeError,
  toOpenHandsError,
} from '@/lib/errors/error';
import { DEFAULT_RETRY_AFTER_SECONDS } from '@/lib/errors/messages';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { hangingFetch, json, recordingFetch } from '../openhands/helpers/fake-fetch';
import { issueInput, startTask } from '../openhands/helpers/fixtures';

const SERVER = 'https://app.all-hands.dev';

/** A client whose every request gets `response` (or whatever `fetch` does). */
function clientFor(
  response: Response | (() => Response),
  options: Partial<Parameters<typeof createOpenHandsClient>[0]> = {},
) {
  const { fetch } = recordingFetch(() => (typeof response === 'function' ? response() : response));
  return createOpenHandsClient({
    baseUrl: testOrigin(SERVER),
    auth: { kind: 'bearer', key: testKey('sk-abcdefgh') },
    fetch,
    ...options,
  });
}

/** The error a promise rejects with, failing the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<OpenHandsError> {
  const err = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OpenHandsError);
  return err as OpenHandsError;
}

describe('OpenHands errors', () => {
  it('no_key: should ask for a key when none is set', async () => {
    const client = clientFor(json({}), { auth: null });

    const actual = await failure(client.getCurrentApiKey());

    expect(actual.code).toBe('no_key');
    expect(actual.message).toBe('Add your OpenHands API key in the extension options.');
    expect(actual.action).toBe('options');
  });

  it('no_key: should treat a 401 to a request without a key as a missing key', async () => {
    const client = clientFor(json({ error: 'NoCredentialsError' }, 401), { auth: null });

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('no_key');
    expect(actual.status).toBe(401);
  });

  it('unauthorized: should point to Settings → API Keys and warn about the LLM key', async () => {
    const client = clientFor(json({ error: 'failed to authenticate' }, 401));

    const actual = await failure(client.getCurrentApiKey());

    expect(actual.code).toBe('unauthorized');
    expect(actual.status).toBe(401);
    expect(actual.message).toContain('did not accept the API key');
    expect(actual.message).toContain(`Settings → API Keys (${SERVER}/settings/api-keys)`);
    expect(actual.message).toContain('LLM Key');
    expect(actual.action).toBe('options');
  });

  it('forbidden: should mention account setup and the organization', async () => {
    const client = clientFor(json({ error: 'EmailNotVerifiedError' }, 403));

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('forbidden');
    expect(actual.status).toBe(403);
    expect(actual.message).toMatch(/verify your email/);
    expect(actual.message).toMatch(/organization/);
    expect(actual.message).toContain(`${SERVER}/settings/api-keys`);
    expect(actual.detail).toBe('EmailNotVerifiedError');
    expect(actual.action).toBe('options');
  });

  describe('on a self-hosted server', () => {
    const SELF_HOSTED = 'http://localhost:3000';
    /** A client for a self-hosted server, which takes its SESSION_API_KEY as X-Session-API-Key. */
    const selfHosted = (response: Response, options: Parameters<typeof clientFor>[1] = {}) =>
      clientFor(response, {
        baseUrl: testOrigin(SELF_HOSTED),
        auth: { kind: 'session', key: testKey('sk-abcdefgh') },
        ...options,
      });

    it('unauthorized: should ask for the server’s SESSION_API_KEY, not a Cloud API key', async () => {
      const client = selfHosted(json({ detail: 'Unauthorized' }, 401));

      const actual = await failure(client.searchConversations());

      expect(actual.code).toBe('unauthorized');
      expect(actual.message).toContain(`The OpenHands server at ${SELF_HOSTED} did not accept the key`);
      expect(actual.message).toContain('SESSION_API_KEY');
      expect(actual.message).not.toContain('Settings → API Keys');
      expect(actual.message).not.toContain('LLM Key');
      expect(actual.action).toBe('options');
    });

    it('no_key: should ask for the server’s session key when none is saved', async () => {
      const client = selfHosted(json({ detail: 'Unauthorized' }, 401), { auth: null });

      const actual = await failure(client.searchConversations());

      expect(actual.code).toBe('no_key');
      expect(actual.message).toContain('SESSION_API_KEY');
      expect(actual.message).not.toContain('API Keys');
    });

    it('forbidden: should not speak of Cloud accounts and organizations', async () => {
      const client = selfHosted(json({ detail: 'Forbidden' }, 403));

      const actual = await failure(client.searchConversations());

      expect(actual.code).toBe('forbidden');
      expect(actual.message).toContain('HTTP 403: Forbidden');
      expect(actual.message).toContain('SESSION_API_KEY');
      expect(actual.message).not.toMatch(/organization|verify your email/);
    });

    it('should take an Enterprise (saas) server’s Bearer key for an API key', async () => {
      const client = clientFor(json({ error: 'failed to authenticate' }, 401), {
        baseUrl: testOrigin('https://openhands.example.com'),
      });

      const actual = await failure(client.searchConversations());

      expect(actual.message).toContain(
        'Settings → API Keys (https://openhands.example.com/settings/api-keys)',
      );
    });
  });

  describe('on a request that does not carry the saved key', () => {
    it('401: should not ask to add a key that is saved', async () => {
      const client = clientFor(json({ detail: 'Unauthorized' }, 401), { auth: null, keySaved: true });

      const actual = await failure(client.getWebClientConfig());

      expect(actual.code).toBe('unauthorized');
      expect(actual.message).not.toContain('Add your');
      expect(actual.message).not.toContain('did not accept the API key');
      expect(actual.message).toContain('refused a request that does not carry the key (HTTP 401)');
    });

    it('403: should not say the key was refused', async () => {
      const client = clientFor(json({ error: 'Blocked' }, 403), { auth: null, keySaved: true });

      const actual = await failure(client.getWebClientConfig());

      expect(actual.code).toBe('forbidden');
      expect(actual.message).not.toContain('refused this API key');
      expect(actual.message).toContain('(HTTP 403: Blocked)');
    });

    it('403 without any key: should say a key may be needed', async () => {
      const client = clientFor(json({}, 403), { baseUrl: testOrigin('http://localhost:3000'), auth: null });

      const actual = await failure(client.searchConversations());

      expect(actual.message).not.toContain('refused this API key');
      expect(actual.message).toContain('If the server needs a key, add it in the extension options.');
    });
  });

  it('rate_limited: should say how many seconds to wait (Retry-After in seconds)', async () => {
    const client = clientFor(
      json({ error: 'Rate limit exceeded: 10 per 1 second' }, 429, { 'Retry-After': '12' }),
    );

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('rate_limited');
    expect(actual.retryAfterSeconds).toBe(12);
    expect(actual.message).toBe('OpenHands rate limit reached. Try again in 12 seconds.');
  });

  it('rate_limited: should read Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    const client = clientFor(json({ message: 'Too many requests' }, 429, { 'Retry-After': at }));

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('rate_limited');
    expect(actual.retryAfterSeconds).toBeGreaterThanOrEqual(88);
    expect(actual.retryAfterSeconds).toBeLessThanOrEqual(90);
  });

  it('rate_limited: should fall back to a default wait without Retry-After', async () => {
    const client = clientFor(json({ error: 'Rate limit exceeded' }, 429));

    const actual = await failure(client.searchConversations());

    expect(actual.retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(actual.message).toBe(
      `OpenHands rate limit reached. Try again in ${DEFAULT_RETRY_AFTER_SECONDS} seconds.`,
    );
  });

  it('concurrency_limit: should say current/limit and link the conversation list', async () => {
    const body = {
      detail: { error: 'CONCURRENCY_LIMIT_REACHED', message: 'Too many', limit: 3, current: 3 },
    };
    const client = clientFor(json(body, 429));

    const actual = await failure(client.startConversation(toStartRequestV1(issueInput)));

    expect(actual.code).toBe('concurrency_limit');
    expect(actual.limit).toBe(3);
    expect(actual.current).toBe(3);
    expect(actual.message).toBe(
      'You have 3 of 3 conversations running, the most OpenHands allows at once. Stop one in your OpenHands conversation list, then try again.',
    );
    expect(actual.action).toBe('conversations');
  });

  it('validation: should list FastAPI detail[] as "field: msg" lines', async () => {
    const body = {
      detail: [
        { loc: ['body', 'initial_message', 'content', 0, 'text'], msg: 'Field required', type: 'missing' },
        {
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 100',
          type: 'less_than_equal',
        },
      ],
    };
    const client = clientFor(json(body, 422));

    const actual = await failure(client.startConversation(toStartRequestV1(issueInput)));

    expect(actual.code).toBe('validation');
    expect(actual.message).toContain('OpenHands did not accept the request.');
    expect(actual.message).toContain(
      '\ninitial_message.content.0.text: Field required\nlimit: Input should be less than or equal to 100',
    );
  });

  it('validation: should show a string detail as is', async () => {
    const client = clientFor(json({ detail: 'Repository name is invalid' }, 422));

    const actual = await failure(client.startConversation(toStartRequestV1(issueInput)));

    expect(actual.message).toContain('\nRepository name is invalid');
  });

  it('server_error: should never show raw HTML, only its title', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1><script>x</script></body></html>';
    const client = clientFor(new Response(html, { status: 502, headers: { 'Content-Type': 'text/html' } }));

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('server_error');
    expect(actual.status).toBe(502);
    expect(actual.message).toBe(
      'OpenHands had a server error (HTTP 502: 502 Bad Gateway). Try again in a moment.',
    );
    expect(actual.message).not.toMatch(/</);
  });

  it('server_error: should fall back to the status for HTML without a title', async () => {
    const client = clientFor(new Response('<h1>Oops</h1>', { status: 500 }));

    const actual = await failure(client.searchConversations());

    expect(actual.message).toBe('OpenHands had a server error (HTTP 500). Try again in a moment.');
  });

  it('timeout: should give up after timeoutMs and say so', async () => {
    const client = createOpenHandsClient({
      baseUrl: testOrigin(SERVER),
      auth: null,
      fetch: hangingFetch,
      timeoutMs: 20,
    });

    const actual = await failure(client.getWebClientConfig());

    expect(actual.code).toBe('timeout');
    expect(actual.message).toBe(
      'OpenHands did not answer within 1 second. Check that the server is up, then try again.',
    );
  });

  it('timeout: should use 30 seconds by default', () => {
    expect(createOpenHandsError('timeout').message).toContain('within 30 seconds');
  });

  it('offline: should mention the connection, a down server and the permission', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const client = createOpenHandsClient({ baseUrl: testOrigin('http://localhost:3000'), auth: null, fetch });

    const actual = await failure(client.getWebClientConfig());

    expect(actual.code).toBe('offline');
    expect(actual.message).toBe(
      'Could not reach OpenHands at http://localhost:3000. Check your internet connection. A self-hosted server may be down, or the extension may need permission to access it (grant it in the extension options).',
    );
  });

  it('bad_response: should say when the body is not JSON', async () => {
    const client = clientFor(new Response('<!doctype html><title>OpenHands</title>', { status: 200 }));

    const actual = await failure(client.getWebClientConfig());

    expect(actual.code).toBe('bad_response');
    expect(actual.message).toContain('(not JSON)');
  });

  it('bad_response: should name the field that did not match', async () => {
    const client = clientFor(json({ items: [], next_page_id: 42 }));

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('bad_response');
    expect(actual.message).toMatch(/\(next_page_id: .*expected string/);
    expect(actual.message).toContain('server URL');
  });

  it('start_failed: should show the start task detail when it ended in ERROR', async () => {
    const client = clientFor(
      json(startTask({ status: 'ERROR', detail: 'Repository owner/repo not accessible' })),
    );

    const actual = await failure(client.startConversation(toStartRequestV1(issueInput)));

    expect(actual.code).toBe('start_failed');
    expect(actual.detail).toBe('Repository owner/repo not accessible');
    expect(actual.message).toBe(
      'OpenHands could not start the conversation: Repository owner/repo not accessible',
    );
  });

  it('start_failed: should say so when there is no detail', () => {
    const actual = createOpenHandsError('start_failed');

    expect(actual.message).toBe(
      'OpenHands could not start the conversation and gave no reason. Open OpenHands to check your settings, then try again.',
    );
  });

  it('not_found: should suggest a deleted item or a wrong server URL', async () => {
    const client = clientFor(json({ detail: 'Not Found' }, 404));

    const actual = await failure(client.searchConversations());

    expect(actual.code).toBe('not_found');
    expect(actual.message).toBe(
      `OpenHands could not find what was asked for (HTTP 404) at ${SERVER}. It may have been deleted, or the server URL may be wrong.`,
    );
  });

  it('bad_request: should show the server reason for other 4xx', async () => {
    const body = {
      status: 'error',
      message: 'Settings not found',
      msg_id: 'CONFIGURATION$SETTINGS_NOT_FOUND',
    };
    const client = clientFor(json(body, 400));

    const actual = await failure(client.startConversationV0(toStartRequestV0(issueInput)));

    expect(actual.code).toBe('bad_request');
    expect(actual.status).toBe(400);
    expect(actual.message).toBe(
      'OpenHands rejected the request (HTTP 400: Settings not found). Check your OpenHands settings and the server URL, then try again.',
    );
  });
});

describe('toOpenHandsError', () => {
  it.each([
    [new TypeError('Failed to fetch'), 'offline'],
    [new DOMException('signal timed out', 'TimeoutError'), 'timeout'],
    [new DOMException('aborted', 'AbortError'), 'timeout'],
    [new SyntaxError('Unexpected token <'), 'bad_response'],
    [new Error('boom'), 'unknown'],
    ['a string', 'unknown'],
    [undefined, 'unknown'],
  ])('should map %s to %s', (input, expected) => {
    expect(toOpenHandsError(input).code).toBe(expected);
  });

  it('should return an OpenHandsError unchanged', () => {
    const err = createOpenHandsError('no_key');

    expect(toOpenHandsError(err)).toBe(err);
  });

  it('should drop foreign error text, which may quote headers', () => {
    const actual = toOpenHandsError(
      new TypeError('Headers.append: "Bearer sk-secret\n" is an invalid header value.'),
    );

    expect(actual.message).not.toContain('sk-secret');
  });
});

describe('serializeError', () => {
  it('should produce plain data that round-trips and parses', () => {
    const err = createOpenHandsError('concurrency_limit', { limit: 3, current: 3, status: 429, detail: 'x' });

    const actual = serializeError(err);

    expect(actual).toEqual({
      code: 'concurrency_limit',
      message: err.message,
      limit: 3,
      current: 3,
      action: 'conversations',
    });
    expect(messageErrorSchema.parse(JSON.parse(JSON.stringify(actual)))).toEqual(actual);
    expect(deserializeError(actual)).toMatchObject({
      code: 'concurrency_limit',
      limit: 3,
      message: err.message,
    });
  });

  it('should keep retryAfterSeconds and omit absent fields', () => {
    const actual = serializeError(createOpenHandsError('rate_limited', { retryAfterSeconds: 5 }));

    expect(actual).toEqual({ code: 'rate_limited', message: expect.any(String), retryAfterSeconds: 5 });
  });

  it('should serialize anything thrown', () => {
    expect(serializeError(new TypeError('x'))).toMatchObject({ code: 'offline' });
  });

  it('should link the concurrency limit to the server’s home page, which lists the conversations', () => {
    const actual = serializeError(createOpenHandsError('concurrency_limit', { limit: 3, current: 3 }), {
      server: testOrigin('https://openhands.example'),
    });
    expect(actual).toMatchObject({
      code: 'concurrency_limit',
      limit: 3,
      current: 3,
      action: 'conversations',
      // The web app routes `/` and `/conversations/:id`, not `/conversations`.
      url: 'https://openhands.example/',
    });
    expect(actual.message).toContain('3 of 3');
    expect(messageErrorSchema.parse(actual)).toEqual(actual);
    expect(serializeError(deserializeError(actual))).toEqual(actual);
  });

  it('should add no link to other errors', () => {
    const actual = serializeError(createOpenHandsError('no_key'), {
      server: testOrigin('https://openhands.example'),
    });
    expect(actual).toEqual({ code: 'no_key', message: expect.any(String), action: 'options' });
  });

  it('should never carry the text of an unexpected error', () => {
    const actual = serializeError(new Error('secret-key-in-a-message'), {
      server: testOrigin('https://openhands.example'),
    });
    expect(JSON.stringify(actual)).not.toContain('secret-key');
  });
});
