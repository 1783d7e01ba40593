import { describe, expect, it } from 'vitest';
import { buildMessage } from '@/lib/prompts/presets';
import { PULL, PULL_WITHOUT_BRANCH } from './contexts';

describe('PR presets', () => {
  it('should merge the base branch when resolving conflicts', () => {
    const actual = buildMessage(PULL, 'resolve-conflicts');

    expect(actual).toContain('git fetch origin main && git merge origin/main');
  });

  it('should name a placeholder when the page showed no base branch', () => {
    const actual = buildMessage(PULL_WITHOUT_BRANCH, 'resolve-conflicts');

    expect(actual).toContain('git merge origin/<base branch>');
  });

  it('should keep the review read-only', () => {
    const actual = buildMessage(PULL, 'review');

    expect(actual).toContain("don't commit, push or comment on GitHub");
    expect(actual).not.toContain('so that PR #7 updates');
  });
});
