import { describe, expect, it } from 'vitest';
import { type DocumentTitle, parseDocumentTitle } from '@/lib/forges/github/title';

describe('parseDocumentTitle', () => {
  it.each<[string, DocumentTitle | null]>([
    [
      'Fix crash on startup · Issue #42 · owner/repo · GitHub',
      { kind: 'issue', title: 'Fix crash on startup', number: 42, repository: 'owner/repo' },
    ],
    [
      'Crash caused by the parser · Issue #3 · owner/repo',
      { kind: 'issue', title: 'Crash caused by the parser', number: 3, repository: 'owner/repo' },
    ],
    [
      'Add feature by user · Pull Request #7 · owner/repo · GitHub',
      { kind: 'pull', title: 'Add feature', number: 7, repository: 'owner/repo' },
    ],
    [
      'Sort by date by some-user · Pull Request #8 · owner/repo · GitHub Enterprise',
      { kind: 'pull', title: 'Sort by date', number: 8, repository: 'owner/repo' },
    ],
    [
      'Use a · b notation by user · Pull Request #9 · owner/repo · GitHub',
      { kind: 'pull', title: 'Use a · b notation', number: 9, repository: 'owner/repo' },
    ],
    ['owner/repo: A repository · GitHub', null],
    ['GitHub · Where software is built', null],
    ['', null],
  ])('should read %j', (documentTitle, expected) => {
    const actual = parseDocumentTitle(documentTitle);

    expect(actual).toEqual(expected);
  });
});
