import { describe, expect, it } from 'vitest';
import { cleanApiKey } from '@/lib/server/api-key';

describe('cleanApiKey', () => {
  it.each([
    ['sk-oh-abc123', 'sk-oh-abc123'],
    ['  sk-oh-abc123  ', 'sk-oh-abc123'],
    ['sk-oh-abc123\n', 'sk-oh-abc123'],
    ['\r\nsk-oh-abc123\r\n', 'sk-oh-abc123'],
    ['Bearer sk-oh-abc123', 'sk-oh-abc123'],
    ['bearer   sk-oh-abc123 ', 'sk-oh-abc123'],
    [' BEARER\tsk-oh-abc123', 'sk-oh-abc123'],
    ['\ufeffsk-oh-abc123', 'sk-oh-abc123'],
    ['', null],
    ['   ', null],
  ])('should keep %j as %j', (input, key) => {
    expect(cleanApiKey(input)).toEqual({ ok: true, key });
  });

  it.each([
    ['sk-oh-\u200babc123', 'an invisible character (U+200B) at character 7'],
    ['sk-oh-abc\n123', 'a line break at character 10'],
    ['sk-oh abc123', 'a space at character 6'],
    ['sk-oh-abc\t123', 'a tab at character 10'],
    ['sk-oh-abcé123', 'the character “é” (U+00E9), which API keys never contain'],
    ['Bearer sk-oh-\u2060abc', 'an invisible character (U+2060) at character 7'],
  ])('should refuse %j, saying it contains %s', (input, problem) => {
    const checked = cleanApiKey(input);

    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toContain(`The API key contains ${problem}`);
  });

  it('should never quote the key itself', () => {
    const checked = cleanApiKey('sk-oh-supersecret\u200b');

    expect(checked.ok ? '' : checked.problem).not.toContain('supersecret');
  });
});
