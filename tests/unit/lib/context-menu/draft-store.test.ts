import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_DRAFT_CHARS, newDraft } from '@/lib/compose/draft';
import { loadDraft, saveDraft } from '@/lib/context-menu/draft-store';

const at = (iso: string) => new Date(iso);

describe('draft store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep a draft in session storage under a random id', async () => {
    const draft = newDraft('a\nb', 'https://example.com/', at('2026-11-28T10:00:00Z'));
    const id = await saveDraft(draft);
    expect(await loadDraft(id)).toEqual(draft);
    expect(await fakeBrowser.storage.session.get(`draft-${id}`)).toEqual({ [`draft-${id}`]: draft });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('should say what to do when the draft is gone', async () => {
    await expect(loadDraft('missing')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Select the text again'),
    });
  });

  it('should drop drafts older than a day when saving a new one', async () => {
    const old = await saveDraft(newDraft('old', '', at('2026-11-27T09:00:00Z')));
    const recent = await saveDraft(newDraft('recent', '', at('2026-11-28T08:00:00Z')));
    await saveDraft(newDraft('new', '', at('2026-11-28T10:00:00Z')));
    await expect(loadDraft(old)).rejects.toMatchObject({ code: 'not_found' });
    expect((await loadDraft(recent)).text).toBe('recent');
  });

  it('should cut huge selections in the middle before storing them', async () => {
    const huge = `${'a'.repeat(MAX_DRAFT_CHARS)}${'z'.repeat(10)}`;
    const actual = newDraft(huge, '', at('2026-11-28T10:00:00Z')).text;
    expect(actual.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
    expect(actual.startsWith('aaa')).toBe(true);
    expect(actual.endsWith('zzz')).toBe(true);
    expect(actual).toContain('characters cut');
  });
});
