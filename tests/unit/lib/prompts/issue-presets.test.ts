import { describe, expect, it } from 'vitest';
import { buildMessage } from '@/lib/prompts/presets';
import { ISSUE } from './contexts';

describe('issue presets', () => {
  it('should put an issue on the default branch and ask for a new branch and a PR', () => {
    const actual = buildMessage(ISSUE, 'solve');

    expect(actual).toContain("You are on the repository's default branch.");
    expect(actual).toContain('`openhands/issue-42`');
    expect(actual).toContain('"Fixes #42"');
  });

  it('should keep the investigation read-only', () => {
    const actual = buildMessage(ISSUE, 'investigate');

    expect(actual).toContain("Don't commit, push or open a pull request");
  });
});
