import { describe, expect, it } from 'vitest';
import { isSendDefaultMessage } from '@/lib/content/resident/command';

describe('isSendDefaultMessage', () => {
  it.each([
    ['our background', { type: 'command.send-default' }, { id: 'ours' }, true],
    ['another extension', { type: 'command.send-default' }, { id: 'theirs' }, false],
    ['a tab', { type: 'command.send-default' }, { id: 'ours', tab: { id: 3 } }, false],
    ['another message', { type: 'conversation.start' }, { id: 'ours' }, false],
    ['junk', 'command.send-default', { id: 'ours' }, false],
    ['null', null, { id: 'ours' }, false],
  ])('should accept %s: %j → %s', (_, message, sender, expected) => {
    const actual = isSendDefaultMessage(message, sender, 'ours');

    expect(actual).toBe(expected);
  });
});
