import { describe, expect, it } from 'vitest';
import { startInputSchema } from '@/lib/conversations/start-input';
import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-rules';
import { restartInput, restartMessage } from '@/lib/prompts/follow-up';
import { makeRecord } from '../../factories/conversation-record';

describe('"Start a new conversation with this context"', () => {
  const previous = makeRecord({
    serverUrl: 'https://openhands.example.com',
    conversationId: '0123456789abcdef0123456789abcdef',
    repository: 'octo-org/hello-world',
    branch: 'fix-42',
    prNumber: 42,
    title: '#42: Crash on startup',
  });

  it('should start in the same place, with a first message that links the old conversation, then the follow-up', () => {
    const input = restartInput(previous, '  Please also add a regression test.  ');

    expect(startInputSchema.parse(input)).toEqual(input);
    expect(input).toMatchObject({
      repository: 'octo-org/hello-world',
      branch: 'fix-42',
      prNumber: 42,
      title: 'Continued: #42: Crash on startup',
      source: previous.source,
    });
    expect(input.message).toBe(
      'This continues an earlier OpenHands conversation, which was archived: https://openhands.example.com/conversations/0123456789abcdef0123456789abcdef\nRead it for the context, then do what follows.\n\nPlease also add a regression test.',
    );
  });

  it('should leave out what the old conversation did not have', () => {
    const input = restartInput(
      makeRecord({
        repository: null,
        branch: null,
        prNumber: null,
        conversationId: null,
        taskId: 'b'.repeat(32),
      }),
      'Go on.',
    );

    expect(startInputSchema.parse(input)).toEqual(input);
    expect(input).not.toHaveProperty('repository');
    expect(input).not.toHaveProperty('prNumber');
    expect(input.message).toContain(`/conversations/task-${'b'.repeat(32)}`);
  });

  it('should cut the middle of a follow-up too long to fit beside the link', () => {
    const text = `START ${'x'.repeat(MAX_MESSAGE_CHARS)} END`;

    const message = restartMessage('https://openhands.example.com/conversations/1', text);

    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(message).toContain('https://openhands.example.com/conversations/1');
    expect(message).toContain('START');
    expect(message).toMatch(/END$/);
    expect(startInputSchema.safeParse({ ...restartInput(previous, text) }).success).toBe(true);
  });
});
