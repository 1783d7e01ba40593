import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newDraft } from '@/lib/storage/draft';
import { readAllDrafts, readDraft, removeDrafts, writeDraft } from '@/lib/storage/session-drafts';

const DRAFT = newDraft(
  'TypeError: boom',
  'https://ci.example.com/builds/42',
  new Date('2026-11-28T10:00:00Z'),
);

describe('drafts in session storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep each draft under its own key in the session area', async () => {
    await writeDraft('a1', DRAFT);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'draft-a1': DRAFT });
    expect(await readDraft('a1')).toEqual(DRAFT);
    expect(await readDraft('a2')).toBeNull();
  });

  it.each([
    ['garbage', 'garbage'],
    ['a draft without its text', { url: '', createdAt: '2026-11-28T10:00:00.000Z' }],
    [
      'edits with an unknown action',
      { ...DRAFT, edits: { text: '', url: '', repository: '', branch: '', action: 'x', savedAt: '' } },
    ],
  ])('should read %s as no draft', async (_name, stored) => {
    await fakeBrowser.storage.session.set({ 'draft-a1': stored });
    expect(await readDraft('a1')).toBeNull();
  });

  it('should list every draft by id, unreadable ones as null, and nothing else', async () => {
    await fakeBrowser.storage.session.set({ 'draft-a1': DRAFT, 'draft-b2': 'garbage', other: DRAFT });
    expect(await readAllDrafts()).toEqual([
      { id: 'a1', draft: DRAFT },
      { id: 'b2', draft: null },
    ]);
    await removeDrafts(['b2']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'draft-a1': DRAFT, other: DRAFT });
  });
});
