// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { authFor, detectServer } from '@/lib/openhands/detect';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { json, type RecordedRequest, recordingFetch } from './helpers/fake-fetch';
import { conversationInfoV0, webClientConfig } from './helpers/fixtures';

/** Detects a fake server answering with `handler`; returns the result and the paths asked for. */
async function detect(handler: (req: RecordedRequest) => Response) {
  const { fetch, calls } = recordingFetch(handler);
  const client = createOpenHandsClient({ baseUrl: testOrigin('http://localhost:3000'), auth: null, fetch });
  const result = await detectServer(client).catch((e: unknown) => e);
  return { result, paths: calls.map((c) => `${c.url.pathname}${c.url.search}`) };
}

const v1Config = (req: RecordedRequest) =>
  req.url.pathname === '/api/v1/web-client/config' ? undefined : json({ detail: 'Not Found' }, 404);

describe('detectServer', () => {
  it.each([
    ['saas', 'saas'],
    ['oss', 'oss'],
    ['future_mode', null],
  ])('should report V1 with app_mode %s as %s', async (mode, expected) => {
    const { result, paths } = await detect(
      (req) => v1Config(req) ?? json({ ...webClientConfig, app_mode: mode }),
    );

    expect(result).toEqual({ apiVersion: 'v1', appMode: expected });
    expect(paths).toEqual(['/api/v1/web-client/config']);
  });

  it('should fall back to V0 when web-client/config is 404', async () => {
    const { result, paths } = await detect((req) =>
      req.url.pathname === '/api/conversations' ? json({ results: [conversationInfoV0()] }) : json({}, 404),
    );

    expect(result).toEqual({ apiVersion: 'v0', appMode: null });
    expect(paths).toEqual(['/api/v1/web-client/config', '/api/conversations?limit=1']);
  });

  it('should fall back to V0 when web-client/config is an HTML page (SPA fallback)', async () => {
    const { result } = await detect((req) =>
      req.url.pathname === '/api/conversations'
        ? json({ results: [] })
        : new Response('<!doctype html><title>OpenHands</title>', {
            headers: { 'Content-Type': 'text/html' },
          }),
    );

    expect(result).toEqual({ apiVersion: 'v0', appMode: null });
  });

  it('should count a V0 probe answered with 401 as V0 (a server with SESSION_API_KEY)', async () => {
    const { result } = await detect((req) =>
      req.url.pathname === '/api/conversations' ? json({}, 401) : json({}, 404),
    );

    expect(result).toEqual({ apiVersion: 'v0', appMode: null });
  });

  it('should throw the V0 probe error when neither API answers', async () => {
    const { result } = await detect(() => json({ detail: 'Not Found' }, 404));

    expect(result).toMatchObject({ code: 'not_found' });
  });

  it('should throw other config errors without probing V0', async () => {
    const { result, paths } = await detect(() => new Response('', { status: 503 }));

    expect(result).toMatchObject({ code: 'server_error', status: 503 });
    expect(paths).toHaveLength(1);
  });
});

describe('authFor', () => {
  it.each([
    ['https://app.all-hands.dev', null, 'bearer'],
    ['https://app.all-hands.dev', 'saas', 'bearer'],
    ['https://app.example.com', 'saas', 'bearer'],
    ['http://localhost:3000', 'oss', 'session'],
    ['http://localhost:3000', null, 'session'],
  ] as const)('%s with app_mode %s → %s', (url, mode, kind) => {
    expect(authFor(testOrigin(url), mode, testKey(' key-1 '))).toEqual({ kind, key: 'key-1' });
  });

  it.each([undefined, null])('should give no auth for key %j', (key) => {
    expect(authFor(testOrigin('https://app.all-hands.dev'), 'saas', key)).toBeNull();
  });
});
