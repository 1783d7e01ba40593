import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import { loadDraft, saveDraft, saveDraftEdits } from '@/lib/background/selection/drafts';
import { newDraft } from '@/lib/storage/draft';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const composePage: Sender = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/compose.html?draft=x',
  origin: 'chrome-extension://ext-id',
};
const githubTab: Sender = { id: 'ext-id', url: 'https://github.com/o/r', tab: { id: 1 } as Sender['tab'] };

const NOW = new Date('2026-11-28T10:05:00Z');
const FIELDS = { text: 'edited', url: 'https://example.com/', repository: '', branch: '', action: 'explain' };

/** handleMessage with the draft messages wired, as create-handlers wires them. */
const deps = {
  self,
  handlers: {
    'draft.get': (request: { id: string }) => loadDraft(request.id),
    'draft.save': (request: { id: string; fields: typeof FIELDS }) =>
      saveDraftEdits(request.id, request.fields as never, NOW),
  } as never,
  toError: (error: unknown) => ({ code: 'unknown' as const, message: (error as Error).message }),
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

describe('draft.save', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep the compose page’s edits with its draft', async () => {
    const id = await saveDraft(newDraft('a', 'https://example.com/', new Date('2026-11-28T10:00:00Z')));
    const actual = await handleMessage({ type: 'draft.save', id, fields: FIELDS }, composePage, deps);
    expect(actual).toEqual({ ok: true, data: null });
    expect((await loadDraft(id)).edits).toEqual({ ...FIELDS, savedAt: NOW.toISOString() });
  });

  it('should refuse GitHub pages', async () => {
    const id = await saveDraft(newDraft('a', '', new Date()));
    const actual = await handleMessage({ type: 'draft.save', id, fields: FIELDS }, githubTab, deps);
    expect(actual).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await loadDraft(id)).edits).toBeUndefined();
  });

  it.each([
    ['an unknown action', { ...FIELDS, action: 'delete-everything' }],
    ['an unknown field', { ...FIELDS, apiKey: 'x' }],
    ['a missing field', { text: 'edited' }],
    ['text beyond what a draft holds', { ...FIELDS, text: 'x'.repeat(100_001) }],
  ])('should refuse %s', async (_name, fields) => {
    const id = await saveDraft(newDraft('a', '', new Date()));
    const actual = await handleMessage({ type: 'draft.save', id, fields }, composePage, deps);
    expect(actual).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
