import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/handle-message';
import type { Sender } from '@/lib/background/sender';
import { newDraft } from '@/lib/compose/draft';
import { loadDraft, saveDraft } from '@/lib/context-menu/draft-store';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const composePage: Sender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/compose.html?draft=x',
  origin: 'chrome-extension://ext-id',
};
const githubTab: Sender = { id: 'ext-id', url: 'https://github.com/o/r', tab: { id: 1 } as Sender['tab'] };

/** handleMessage with only `draft.get` wired, as create-handlers wires it. */
const deps = {
  self,
  handlers: { 'draft.get': (request: { id: string }) => loadDraft(request.id) } as never,
  toError: (error: unknown) => ({ code: 'x', message: (error as Error).message }),
};

describe('draft.get', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should give the compose page its draft', async () => {
    const draft = newDraft('a\nb', 'https://example.com/', new Date('2026-11-28T10:00:00Z'));
    const id = await saveDraft(draft);
    const actual = await handleMessage({ type: 'draft.get', id }, composePage, deps);
    expect(actual).toEqual({ ok: true, data: draft });
  });

  it('should refuse GitHub pages', async () => {
    const id = await saveDraft(newDraft('secret', '', new Date()));
    const actual = await handleMessage({ type: 'draft.get', id }, githubTab, deps);
    expect(actual).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('should refuse ids that are not draft ids', async () => {
    const actual = await handleMessage({ type: 'draft.get', id: '../settings' }, composePage, deps);
    expect(actual).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
