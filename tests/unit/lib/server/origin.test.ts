// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  apiKeysUrl,
  CLOUD_HOST,
  CLOUD_ORIGIN,
  conversationUrl,
  homeUrl,
  isCloudServer,
  originPattern,
  serverOrigin,
  storedOrigin,
  taskUrl,
} from '@/lib/server/origin';
import { testOrigin } from '../../../support/origin';

describe('serverOrigin', () => {
  it.each([
    ['https://app.all-hands.dev/', 'https://app.all-hands.dev'],
    [' http://localhost:3000/openhands/?x=1#y ', 'http://localhost:3000'],
    ['https://user:pass@example.com:8443/a', 'https://example.com:8443'],
    ['HTTPS://App.All-Hands.dev:443', 'https://app.all-hands.dev'],
  ])('should keep only the origin of %j', (input, expected) => {
    expect(serverOrigin(input)).toBe(expected);
  });

  it.each(['app.all-hands.dev', 'ftp://example.com', 'javascript:alert(1)', ''])(
    'should refuse %j',
    (input) => {
      expect(() => serverOrigin(input)).toThrow();
    },
  );

  it('should name one server one way, so saved servers and records compare with ===', () => {
    expect(serverOrigin('https://app.all-hands.dev///')).toBe(serverOrigin('HTTPS://app.all-hands.dev'));
    expect(serverOrigin('http://u:p@localhost:3000/x/')).toBe(serverOrigin('http://localhost:3000'));
  });
});

describe('storedOrigin', () => {
  it('should read a stored server as its origin, and keep what is no URL as it is, without throwing', () => {
    expect(storedOrigin('https://app.all-hands.dev/')).toBe(CLOUD_ORIGIN);
    expect(storedOrigin('not a url')).toBe('not a url');
  });
});

describe('isCloudServer', () => {
  it.each([
    [CLOUD_ORIGIN, true],
    ['https://app.all-hands.dev/', true],
    ['https://app.all-hands.dev/conversations/abc', true],
    ['http://localhost:3000', false],
    ['https://app.all-hands.dev.example.com', false],
  ])('%s → %s', (url, expected) => {
    expect(isCloudServer(testOrigin(url))).toBe(expected);
  });

  it('should name Cloud’s host', () => {
    expect(CLOUD_HOST).toBe('app.all-hands.dev');
  });
});

describe('web pages', () => {
  it('should link a conversation', () => {
    expect(conversationUrl(testOrigin('https://app.all-hands.dev/'), 'abc123')).toBe(
      'https://app.all-hands.dev/conversations/abc123',
    );
  });

  it('should link a pending start task', () => {
    expect(taskUrl(testOrigin('http://localhost:3000'), 'abc123')).toBe(
      'http://localhost:3000/conversations/task-abc123',
    );
  });

  it('should link the server’s home page, which lists the conversations', () => {
    expect(homeUrl(testOrigin('http://localhost:3000/'))).toBe('http://localhost:3000/');
  });

  it('should link Settings → API Keys, on Cloud when the server is not known', () => {
    expect(apiKeysUrl(testOrigin('http://localhost:3000'))).toBe('http://localhost:3000/settings/api-keys');
    expect(apiKeysUrl(undefined)).toBe('https://app.all-hands.dev/settings/api-keys');
  });
});

describe('originPattern', () => {
  it.each([
    [CLOUD_ORIGIN, 'https://app.all-hands.dev/*'],
    ['http://localhost:3000', 'http://localhost/*'],
    ['https://openhands.example.com/x/', 'https://openhands.example.com/*'],
  ])('%s → %s', (url, expected) => {
    expect(originPattern(url)).toBe(expected);
  });
});
