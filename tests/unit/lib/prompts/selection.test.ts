import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-input';
import { buildMessage, titleFromText } from '@/lib/prompts/selection';
import { COMPOSE_ACTIONS, type ComposeAction } from '@/lib/prompts/selection-presets';

const TRACE = 'TypeError: boom\n    at parse (src/parse.ts:10:5)\n    at main (src/main.ts:3:1)';
const URL = 'https://ci.example.com/builds/42';
/** The message for a conversation on a repository, as the compose form builds it by default. */
const build = (action: ComposeAction, text: string, url: string, max?: number) =>
  buildMessage({ action, text, url, withRepository: true }, max);

describe('buildMessage', () => {
  it.each(COMPOSE_ACTIONS.map((action) => action.id))(
    'should keep the line breaks and the source URL for %s',
    (action) => {
      const { message, cut } = build(action, TRACE, URL);
      expect(message).toContain(TRACE);
      expect(message).toContain(`Source: ${URL}`);
      expect(cut).toBe(0);
    },
  );

  it('should quote the text after the instruction', () => {
    const expected = [
      COMPOSE_ACTIONS[0].instruction.repository,
      `Source: ${URL}`,
      `\`\`\`\n${TRACE}\n\`\`\``,
    ].join('\n\n');
    expect(build('fix', `\n${TRACE}\n\n`, URL).message).toBe(expected);
  });

  it.each(COMPOSE_ACTIONS.map((action) => action.id))(
    'should not speak of "this repository" for %s when there is none',
    (action) => {
      const { message } = buildMessage({ action, text: TRACE, url: URL, withRepository: false });
      expect(message).not.toMatch(/repository/i);
      expect(message).toContain(TRACE);
    },
  );

  it('should point at the repository when there is one', () => {
    expect(build('investigate', TRACE, URL).message).toContain('where it is in this repository');
  });

  it('should send the text as is, with its source, for the as-is action', () => {
    expect(build('as-is', 'Refactor this', URL).message).toBe(`Refactor this\n\nSource: ${URL}`);
  });

  it('should use a longer fence when the text has one of its own', () => {
    const text = 'Steps:\n```sh\nnpm test\n```';
    const { message } = build('explain', text, URL);
    expect(message).toContain(`\`\`\`\`\n${text}\n\`\`\`\``);
  });

  it('should cut the middle of text too long for one message, and say how much', () => {
    const text = `HEAD${'x'.repeat(MAX_MESSAGE_CHARS)}TAIL`;
    const { message, cut } = build('fix', text, URL);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(message).toContain('HEAD');
    expect(message).toContain('TAIL');
    expect(message).toContain(`[… ${cut.toLocaleString('en-US')} characters cut …]`);
    expect(cut).toBeGreaterThan(4);
  });

  it('should cut nothing from text that just fits', () => {
    const frame = build('as-is', 'x', URL).message.length - 1;
    const text = 'y'.repeat(MAX_MESSAGE_CHARS - frame);
    const { message, cut } = build('as-is', text, URL);
    expect(cut).toBe(0);
    expect(message.length).toBe(MAX_MESSAGE_CHARS);
  });
});

describe('titleFromText', () => {
  it.each([
    ['\n\n  TypeError:   boom\nmore', 'TypeError: boom'],
    ['   \n  ', undefined],
    [`${'word '.repeat(30)}`, `${'word '.repeat(16).trim()}…`],
  ])('should title %j as %j', (text, expected) => {
    expect(titleFromText(text)).toBe(expected);
  });
});
