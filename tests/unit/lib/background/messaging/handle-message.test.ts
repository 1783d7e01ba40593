import { describe, expect, it, vi } from 'vitest';
import { type Handlers, handleMessage } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const page: Sender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/popup.html',
  origin: 'chrome-extension://ext-id',
};
const github: Sender = {
  id: 'ext-id',
  url: 'https://github.com/o/r/issues/1',
  tab: { id: 3 } as Sender['tab'],
};

/** Handlers that answer with their own name, so tests see which one ran. */
function fakeHandlers(): Handlers {
  const answer = (name: string) => vi.fn(async () => name);
  return {
    'conversation.start': answer('start'),
    'conversation.get': answer('get'),
    'conversation.list': answer('list'),
    'options.open': answer('options'),
    'ui.load': answer('ui.load'),
    'threads.load': answer('threads.load'),
    'settings.get': answer('settings.get'),
    'settings.save': answer('settings.save'),
    'settings.removeKey': answer('settings.removeKey'),
    'connection.test': answer('test'),
    'repos.recent': answer('repos'),
    'followUp.send': answer('followUp.send'),
    'followUp.sentReviewItems': answer('followUp.sentReviewItems'),
  } as unknown as Handlers;
}

const deps = (handlers = fakeHandlers()) => ({
  self,
  handlers,
  toError: (e: unknown) => ({ code: 'unknown' as const, message: String((e as Error).message) }),
});

describe('handleMessage', () => {
  it('should run the handler for a valid message from an extension page', async () => {
    const actual = await handleMessage({ type: 'settings.get' }, page, deps());
    expect(actual).toEqual({ ok: true, data: 'settings.get' });
  });

  it('should reject malformed messages without running anything', async () => {
    const handlers = fakeHandlers();
    const actual = await handleMessage(
      { type: 'settings.save', serverUrl: 'not a url' },
      page,
      deps(handlers),
    );
    expect(actual).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(handlers['settings.save']).not.toHaveBeenCalled();
  });

  it('should let GitHub tabs start conversations', async () => {
    const message = {
      type: 'conversation.start',
      input: {
        repository: 'o/r',
        message: 'Fix it',
        source: { kind: 'issue', url: 'https://github.com/o/r/issues/1' },
      },
    };
    expect(await handleMessage(message, github, deps())).toEqual({ ok: true, data: 'start' });
  });

  it.each(['ui.load', 'threads.load'] as const)(
    'should let GitHub tabs, and only them, %s into themselves',
    async (type) => {
      expect(await handleMessage({ type }, github, deps())).toEqual({ ok: true, data: type });
      expect(await handleMessage({ type }, page, deps())).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    },
  );

  it.each([
    [{ type: 'followUp.send', conversation: 'a'.repeat(32), text: 'Also add a test.' }, 'followUp.send'],
    [
      { type: 'followUp.sentReviewItems', conversation: 'a'.repeat(32), ids: ['discussion_r1'] },
      'followUp.sentReviewItems',
    ],
  ])('should let GitHub tabs continue a conversation: %j', async (message, handler) => {
    expect(await handleMessage(message, github, deps())).toEqual({ ok: true, data: handler });
  });

  it.each([
    { type: 'followUp.send', conversation: 'a'.repeat(32), text: '  ' },
    { type: 'followUp.send', conversation: '', text: 'x' },
    { type: 'followUp.send', conversation: 'a', text: 'x', reviewItemIds: Array(501).fill('r') },
    { type: 'followUp.sentReviewItems', conversation: 'a', ids: [''] },
  ])('should refuse a malformed follow-up: %j', async (message) => {
    const handlers = fakeHandlers();
    const actual = await handleMessage(message, github, deps(handlers));
    expect(actual).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(handlers['followUp.send']).not.toHaveBeenCalled();
  });

  it.each([
    { type: 'settings.get' },
    { type: 'settings.removeKey', serverUrl: 'https://app.all-hands.dev' },
    { type: 'connection.test' },
    { type: 'repos.recent' },
    { type: 'conversation.list' },
    { type: 'conversation.get', id: 'a1b2c3' },
  ])('should refuse $type from a GitHub tab', async (message) => {
    const actual = await handleMessage(message, github, deps());
    expect(actual).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('should refuse messages from other extensions', async () => {
    const actual = await handleMessage({ type: 'settings.get' }, { ...page, id: 'other' }, deps());
    expect(actual).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('should turn a handler failure into an error reply', async () => {
    const handlers = fakeHandlers();
    handlers['settings.get'] = vi.fn(async () => {
      throw new Error('storage broke');
    });
    const actual = await handleMessage({ type: 'settings.get' }, page, deps(handlers));
    expect(actual).toEqual({ ok: false, error: { code: 'unknown', message: 'storage broke' } });
  });
});
