import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, startInputSchema } from '@/lib/conversations/start-input';
import { buildStartInput, conversationTitle } from '@/lib/prompts/request';
import { FORK_PULL, ISSUE, PULL, PULL_WITHOUT_BRANCH } from './contexts';

const MESSAGE = 'Do the thing.';

describe('buildStartInput', () => {
  it('should send an issue without a branch', () => {
    const expected = {
      repository: 'octo-org/hello-world',
      title: '#42: Fix crash on startup',
      message: MESSAGE,
      source: { kind: 'issue', url: 'https://github.com/octo-org/hello-world/issues/42', number: 42 },
    };

    const actual = buildStartInput(ISSUE, MESSAGE);

    expect(actual).toStrictEqual(expected);
  });

  it('should send a same-repo PR with its head branch and number', () => {
    const expected = {
      repository: 'octo-org/hello-world',
      branch: 'feature/login-fix',
      prNumber: 7,
      title: '#7: Fix login redirect loop',
      message: MESSAGE,
      source: { kind: 'pull', url: 'https://github.com/octo-org/hello-world/pull/7', number: 7 },
    };

    const actual = buildStartInput(PULL, MESSAGE);

    expect(actual).toStrictEqual(expected);
  });

  it('should send a fork PR on the page repository without a branch', () => {
    const expected = {
      repository: 'octo-org/hello-world',
      prNumber: 8,
      title: '#8: Add Spanish translation',
      message: MESSAGE,
      source: { kind: 'pull', url: 'https://github.com/octo-org/hello-world/pull/8', number: 8 },
    };

    const actual = buildStartInput(FORK_PULL, MESSAGE);

    expect(actual).toStrictEqual(expected);
  });

  it('should send a PR without a known head branch without a branch', () => {
    const actual = buildStartInput(PULL_WITHOUT_BRANCH, MESSAGE);

    expect(actual).not.toHaveProperty('branch');
    expect(actual.prNumber).toBe(5);
  });

  it('should reject an empty message', () => {
    const actual = () => buildStartInput(ISSUE, '   ');

    expect(actual).toThrow('The message is empty');
  });

  it('should reject a message longer than the background accepts', () => {
    const actual = () => buildStartInput(ISSUE, 'x'.repeat(MAX_MESSAGE_CHARS + 1));

    expect(actual).toThrow('The message is too long: 30,001 characters, at most 30,000.');
  });

  it('should trim the message as the background would', () => {
    const actual = buildStartInput(ISSUE, `  ${MESSAGE}\n`).message;

    expect(actual).toBe(MESSAGE);
  });

  it.each([
    ['issue', ISSUE],
    ['PR', PULL],
    ['fork PR', FORK_PULL],
    ['PR without branch', PULL_WITHOUT_BRANCH],
  ])('should build an input that passes the background schema for a %s', (_, context) => {
    const input = buildStartInput(context, MESSAGE);

    const actual = startInputSchema.parse(input);

    expect(actual).toStrictEqual(input);
  });
});

describe('conversationTitle', () => {
  it('should shorten long titles to 200 characters', () => {
    const actual = conversationTitle({ ...ISSUE, title: 'word '.repeat(100) });

    expect(actual).toHaveLength(200);
    expect(actual).toMatch(/^#42: word word .*word…$/);
  });

  it('should fall back to the number when the title is unknown', () => {
    const actual = conversationTitle({ ...ISSUE, title: '' });

    expect(actual).toBe('#42');
  });
});
