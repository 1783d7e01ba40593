// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { displayTitle, exactTime, inRepository, reference, relativeTime } from '@/components/popup/format';

const issue = { kind: 'issue' as const, url: 'https://github.com/o/r/issues/42', number: 42 };

describe('displayTitle', () => {
  it.each([
    ['the title', { title: 'Fix it', repository: 'o/r', source: issue, prNumber: null }, 'Fix it'],
    ['the issue while untitled', { title: null, repository: 'o/r', source: issue, prNumber: null }, 'o/r#42'],
    ['the PR while untitled', { title: ' ', repository: 'o/r', source: null, prNumber: 7 }, 'o/r#7'],
    [
      'the repository without a reference',
      { title: null, repository: 'o/r', source: null, prNumber: null },
      'o/r',
    ],
    [
      'a fallback otherwise',
      { title: null, repository: null, source: null, prNumber: null },
      'Untitled conversation',
    ],
  ])('should show %s', (_name, item, expected) => {
    expect(displayTitle(item)).toBe(expected);
  });
});

describe('reference', () => {
  it('should prefer the recorded source over the PR number', () => {
    expect(reference({ repository: 'o/r', source: issue, prNumber: 7 })).toBe('o/r#42');
  });

  it('should be null without a number', () => {
    expect(reference({ repository: 'o/r', source: null, prNumber: null })).toBeNull();
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it.each([
    ['2026-11-28T11:59:40Z', 'just now'],
    ['2026-11-28T11:55:00Z', '5 minutes ago'],
    ['2026-11-28T10:00:00Z', '2 hours ago'],
    ['2026-11-27T11:00:00Z', 'yesterday'],
    ['2026-11-14T12:00:00Z', '2 weeks ago'],
    ['2026-08-28T12:00:00Z', '3 months ago'],
    ['2024-11-28T12:00:00Z', '2 years ago'],
    ['2026-11-28T12:03:00Z', 'in 3 minutes'],
  ])('should show %s as %j', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });

  it('should be null for a time it cannot read', () => {
    expect(relativeTime('', now)).toBeNull();
  });
});

describe('exactTime', () => {
  it('should show the date and time', () => {
    expect(exactTime('2026-11-28T10:05:00Z', 'en-US')).toMatch(/Nov 28, 2026.*\d{1,2}:05/);
  });

  it('should be null for a time it cannot read', () => {
    expect(exactTime('soon')).toBeNull();
  });
});

describe('inRepository', () => {
  it('should keep the conversations on one repository, whatever the case', () => {
    const items = [{ repository: 'Octo-Org/Hello' }, { repository: 'octo-org/other' }, { repository: null }];
    expect(inRepository(items, 'octo-org/hello')).toEqual([{ repository: 'Octo-Org/Hello' }]);
  });
});
