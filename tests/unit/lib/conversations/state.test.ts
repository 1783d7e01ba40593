// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_STATES,
  type ConversationState,
  isBusy,
  isFinalState,
  isNotifyState,
  startStageLabel,
  stateLabel,
} from '@/lib/conversations/state';
import { conversationStateSchema } from '@/lib/conversations/state-schema';
import { START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';

describe('conversation states', () => {
  // state, label, busy (badge, popup refresh), final (polling stops), worth a notification
  const table: [ConversationState, string, boolean, boolean, boolean][] = [
    ['starting', 'Starting', true, false, false],
    ['running', 'Running', true, false, false],
    ['waiting_for_confirmation', 'Waiting for you', false, false, true],
    ['paused', 'Paused', false, false, false],
    ['finished', 'Finished', false, true, true],
    ['stopped', 'Stopped', false, false, false],
    ['error', 'Error', false, true, true],
    ['stuck', 'Stuck', false, true, true],
    ['archived', 'Archived', false, true, false],
    ['unknown', 'Status unknown', false, true, false],
  ];

  it('should have a row for every state', () => {
    expect(table.map(([s]) => s)).toEqual([...CONVERSATION_STATES]);
  });

  it.each(table)('%s: label %j, busy=%s, final=%s, notify=%s', (state, label, busy, final, notify) => {
    expect(stateLabel(state)).toBe(label);
    expect(isBusy(state)).toBe(busy);
    expect(isFinalState(state)).toBe(final);
    expect(isNotifyState(state)).toBe(notify);
  });

  it('should accept exactly these states in stored and sent data', () => {
    for (const state of CONVERSATION_STATES) expect(conversationStateSchema.parse(state)).toBe(state);
    expect(conversationStateSchema.safeParse('thinking').success).toBe(false);
  });
});

describe('start stage labels', () => {
  const table: [string, string][] = [
    ['WORKING', 'Starting'],
    ['WAITING_FOR_SANDBOX', 'Waiting for sandbox'],
    ['PREPARING_REPOSITORY', 'Preparing repository'],
    ['RUNNING_SETUP_SCRIPT', 'Running setup script'],
    ['SETTING_UP_GIT_HOOKS', 'Setting up git hooks'],
    ['SETTING_UP_SKILLS', 'Setting up skills'],
    ['STARTING_CONVERSATION', 'Starting conversation'],
    ['READY', 'Ready'],
    ['ERROR', 'Failed to start'],
  ];

  it('should have a row for every start task status', () => {
    expect(table.map(([status]) => status)).toEqual([...START_TASK_STATUSES]);
  });

  it.each(table)('%s: %j', (status, label) => {
    expect(startStageLabel(status)).toBe(label);
  });

  it('should show a stage from a newer server as "Starting"', () => {
    expect(startStageLabel('SETTING_UP_PLUGINS')).toBe('Starting');
  });
});
