import { describe, expect, it } from 'vitest';
import { COMPOSE_ACTIONS, DEFAULT_ACTION, isComposeAction } from '@/lib/prompts/selection-presets';

describe('COMPOSE_ACTIONS', () => {
  it('should list the actions, default first', () => {
    const expected = [
      ['fix', 'Fix the problem described'],
      ['investigate', 'Investigate and report'],
      ['explain', 'Explain'],
      ['as-is', 'Use the text as the prompt as is'],
    ];

    const actual = COMPOSE_ACTIONS.map((action) => [action.id, action.label]);

    expect(actual).toEqual(expected);
    expect(COMPOSE_ACTIONS[0].id).toBe(DEFAULT_ACTION);
  });

  it.each(COMPOSE_ACTIONS.filter((action) => action.instruction))(
    'should word $id for a conversation with and without a repository',
    ({ instruction }) => {
      expect(instruction?.repository).toMatch(/this repository/);
      expect(instruction?.none.trim()).not.toBe('');
      expect(instruction?.none).not.toMatch(/repository/i);
    },
  );
});

describe('isComposeAction', () => {
  it.each([
    ['fix', true],
    ['as-is', true],
    ['solve', false],
    ['constructor', false],
  ])('should say whether %s is an action', (value, expected) => {
    expect(isComposeAction(value)).toBe(expected);
  });
});
