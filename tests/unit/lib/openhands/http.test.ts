// @vitest-environment node

import { describe, expect, it } from 'vitest';
import { toStartRequestV1 } from '@/lib/conversations/start-request';
import { OpenHandsError, serializeError } from '@/lib/errors/error';
import { describeBody, formatValidationDetail, parseRetryAfter } from '@/lib/errors/from-response';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { authHeaders, buildUrl } from '@/lib/openhands/http';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { hangingFetch, json, recordingFetch } from './helpers/fake-fetch';
import { issueInput, startTask } from './helpers/fixtures';

describe('buildUrl', () => {
  it('should join base and path with one slash and repeat array keys', () => {
    const actual = buildUrl(testOrigin('https://x.test/'), '/api/v1/app-conversations', {
      ids: ['a', 'b'],
      limit: 5,
    });

    expect(actual).toBe('https://x.test/api/v1/app-conversations?ids=a&ids=b&limit=5');
  });

  it('should leave out undefined and null values', () => {
    expect(buildUrl(testOrigin('https://x.test'), 'api/x', { page_id: undefined, q: null })).toBe(
      'https://x.test/api/x',
    );
  });

  it('should encode values', () => {
    expect(buildUrl(testOrigin('https://x.test'), '/s', { page_id: 'a b&c=d' })).toBe(
      'https://x.test/s?page_id=a+b%26c%3Dd',
    );
  });
});

describe('authHeaders', () => {
  it('should send a Bearer key as Authorization', () => {
    expect(authHeaders({ kind: 'bearer', key: testKey(' sk-1 ') })).toEqual({ Authorization: 'Bearer sk-1' });
  });

  it('should send a session key as X-Session-API-Key', () => {
    expect(authHeaders({ kind: 'session', key: testKey('sess-1') })).toEqual({
      'X-Session-API-Key': 'sess-1',
    });
  });

  it('should send nothing without auth', () => {
    expect(authHeaders(null)).toEqual({});
  });
});

describe('request', () => {
  it.each([
    ['bearer', 'Authorization', 'Bearer sk-test-123456'],
    ['session', 'X-Session-API-Key', 'sk-test-123456'],
  ] as const)('should send a %s key as %s', async (kind, header, expected) => {
    const { fetch, calls } = recordingFetch(() => json({ items: [], next_page_id: null }));
    const client = createOpenHandsClient({
      baseUrl: testOrigin('https://x.test'),
      auth: { kind, key: testKey('sk-test-123456') },
      fetch,
    });

    await client.searchConversations();

    expect(calls[0]?.headers.get(header)).toBe(expected);
  });

  it('should omit credentials, ask for JSON, and label JSON bodies', async () => {
    const { fetch, calls } = recordingFetch(() => json(startTask()));
    const client = createOpenHandsClient({ baseUrl: testOrigin('https://x.test'), auth: null, fetch });

    await client.startConversation(toStartRequestV1(issueInput));

    const [req] = calls;
    expect(req?.init.credentials).toBe('omit');
    expect(req?.headers.get('Accept')).toBe('application/json');
    expect(req?.headers.get('Content-Type')).toBe('application/json');
    expect(req?.headers.has('Authorization')).toBe(false);
    expect(req?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('should not send a body or Content-Type on GET', async () => {
    const { fetch, calls } = recordingFetch(() => json({ items: [], next_page_id: null }));
    const client = createOpenHandsClient({ baseUrl: testOrigin('https://x.test'), auth: null, fetch });

    await client.searchConversations();

    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.headers.has('Content-Type')).toBe(false);
  });

  it('should not send the key to web-client/config, which needs none', async () => {
    const { fetch, calls } = recordingFetch(() => json({ app_mode: 'saas' }));
    const client = createOpenHandsClient({
      baseUrl: testOrigin('https://x.test'),
      auth: { kind: 'bearer', key: testKey('k') },
      fetch,
    });

    await client.getWebClientConfig();

    expect(calls[0]?.headers.has('Authorization')).toBe(false);
  });
});

describe('the API key never leaks into errors', () => {
  const KEY = 'sk-very-secret-key-123';
  const failures: [string, typeof globalThis.fetch][] = [
    ['401', recordingFetch(() => json({ error: 'BearerTokenError' }, 401)).fetch],
    ['403', recordingFetch(() => json({ error: 'EmailNotVerifiedError' }, 403)).fetch],
    [
      '422 echoing the key',
      recordingFetch(() => json({ detail: [{ loc: ['header'], msg: `bad ${KEY}` }] }, 422)).fetch,
    ],
    [
      '500 echoing the key',
      recordingFetch(() => new Response(`Bearer ${KEY} failed`, { status: 500 })).fetch,
    ],
    ['bad JSON', recordingFetch(() => new Response('nope')).fetch],
    ['schema mismatch', recordingFetch(() => json({ items: 'x' })).fetch],
    [
      'fetch TypeError quoting the header',
      (async () => {
        throw new TypeError(`Headers.append: "Bearer ${KEY}" is an invalid header value.`);
      }) as typeof globalThis.fetch,
    ],
    ['timeout', hangingFetch],
  ];

  it.each(failures)('should keep it out of a %s error', async (_name, fetch) => {
    for (const kind of ['bearer', 'session'] as const) {
      const client = createOpenHandsClient({
        baseUrl: testOrigin('https://x.test'),
        auth: { kind, key: testKey(KEY) },
        fetch,
        timeoutMs: 20,
      });

      const err = await client.searchConversations().catch((e: unknown) => e);

      expect(err).toBeInstanceOf(OpenHandsError);
      const everything = JSON.stringify({
        ...(err as object),
        message: (err as Error).message,
        stack: (err as Error).stack,
      });
      expect(everything).not.toContain(KEY);
      expect(JSON.stringify(serializeError(err))).not.toContain(KEY);
      expect((err as Error).cause).toBeUndefined();
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T10:00:00Z');

  it.each([
    ['12', 12],
    [' 0 ', 0],
    ['Sat, 28 Nov 2026 10:01:00 GMT', 60],
    ['Sat, 28 Nov 2026 09:00:00 GMT', 1],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('should read %j as %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('describeBody', () => {
  it.each([
    ['{"detail":"Not Found"}', '', 'Not Found'],
    ['{"error":"NoCredentialsError"}', '', 'NoCredentialsError'],
    ['{"status":"error","message":"Settings not found"}', '', 'Settings not found'],
    ['{"detail":{"error":"X","message":"Limit hit"}}', '', 'Limit hit'],
    ['"Unable to access repo owner/repo"', '', 'Unable to access repo owner/repo'],
    [
      '<html><title> 503  Service Unavailable </title><body>…</body></html>',
      'text/html',
      '503 Service Unavailable',
    ],
    ['<html><body><p>no title</p></body></html>', 'text/html', undefined],
    ['upstream timed out', 'text/plain', 'upstream timed out'],
    ['', '', undefined],
  ])('should reduce %j to %j', (text, type, expected) => {
    expect(describeBody(text, type)).toBe(expected);
  });

  it('should clip long text', () => {
    expect(describeBody('x'.repeat(1000))?.length).toBeLessThanOrEqual(200);
  });
});

describe('formatValidationDetail', () => {
  it('should cap the list of lines', () => {
    const detail = Array.from({ length: 8 }, (_, i) => ({ loc: ['body', `f${i}`], msg: 'bad', type: 't' }));

    const actual = formatValidationDetail({ detail })?.split('\n');

    expect(actual).toHaveLength(6);
    expect(actual?.at(-1)).toBe('…and 3 more');
  });

  it('should give undefined for an unexpected shape', () => {
    expect(formatValidationDetail({ nope: true })).toBeUndefined();
    expect(formatValidationDetail('x')).toBeUndefined();
  });
});
