import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, trimBody } from '@/lib/prompts/trim';

const URL = 'https://github.com/octo-org/hello-world/issues/42';

describe('trimBody', () => {
  it('should keep a body that fits', () => {
    const body = 'a'.repeat(MAX_BODY_CHARS);

    const actual = trimBody(body, URL);

    expect(actual).toBe(body);
  });

  it('should cut a long body at a word break and say how much is shown', () => {
    const body = 'word '.repeat(3_000).trim();

    const actual = trimBody(body, URL);

    expect(actual).toMatch(
      /word\n\n\[Body trimmed: \d+ of 14999 characters shown — read the full text at https:\/\/github\.com\/octo-org\/hello-world\/issues\/42\]$/,
    );
    expect(actual.split('\n\n[')[0]?.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
  });

  it('should cut mid-text when there is no break nearby', () => {
    const body = 'x'.repeat(20);

    const actual = trimBody(body, URL, 10);

    expect(actual).toBe(
      `${'x'.repeat(10)}\n\n[Body trimmed: 10 of 20 characters shown — read the full text at ${URL}]`,
    );
  });
});
