import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadDraft, saveDraft, saveDraftEdits } from '@/lib/background/selection/drafts';
import { type ComposeFields, MAX_DRAFT_CHARS, newDraft } from '@/lib/storage/draft';

const at = (iso: string) => new Date(iso);
const FIELDS: ComposeFields = {
  text: 'a\nb\nand what I made of it',
  url: 'https://example.com/',
  repository: 'octo-org/hello-world',
  branch: 'main',
  action: 'investigate',
};

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

  describe('edits', () => {
    it('should keep the form’s fields with the draft, and the selection as it was', async () => {
      const draft = newDraft('a\nb', 'https://example.com/', at('2026-11-28T10:00:00Z'));
      const id = await saveDraft(draft);
      await saveDraftEdits(id, FIELDS, at('2026-11-28T10:05:00Z'));
      expect(await loadDraft(id)).toEqual({
        ...draft,
        edits: { ...FIELDS, savedAt: '2026-11-28T10:05:00.000Z' },
      });
    });

    it('should refuse edits for a draft that is gone', async () => {
      await expect(saveDraftEdits('missing', FIELDS, at('2026-11-28T10:00:00Z'))).rejects.toMatchObject({
        code: 'not_found',
      });
    });

    it('should open the edited draft again when the same selection is sent again', async () => {
      const first = await saveDraft(newDraft('a\nb', 'https://example.com/', at('2026-11-28T10:00:00Z')));
      await saveDraftEdits(first, FIELDS, at('2026-11-28T10:05:00Z'));

      const again = await saveDraft(newDraft('a\nb', 'https://example.com/', at('2026-11-28T11:00:00Z')));
      const elsewhere = await saveDraft(
        newDraft('a\nb', 'https://other.example/', at('2026-11-28T11:00:00Z')),
      );
      const other = await saveDraft(
        newDraft('something else', 'https://example.com/', at('2026-11-28T11:00:00Z')),
      );

      expect(again).toBe(first);
      expect((await loadDraft(again)).edits?.text).toBe(FIELDS.text);
      expect([elsewhere, other]).not.toContain(first);
      expect((await loadDraft(other)).edits).toBeUndefined();
    });

    it('should not reuse a draft nobody edited', async () => {
      const first = await saveDraft(newDraft('a', '', at('2026-11-28T10:00:00Z')));
      const again = await saveDraft(newDraft('a', '', at('2026-11-28T10:01:00Z')));
      expect(again).not.toBe(first);
    });

    it('should count a day from the last edit, not from the selection', async () => {
      const edited = await saveDraft(newDraft('old but edited', '', at('2026-11-26T10:00:00Z')));
      await saveDraftEdits(edited, FIELDS, at('2026-11-28T09:00:00Z'));
      await saveDraft(newDraft('new', '', at('2026-11-28T10:00:00Z')));
      expect((await loadDraft(edited)).edits?.text).toBe(FIELDS.text);
    });
  });
});
