// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { statusBadge } from '@/components/popup/status-badge';
import { CONVERSATION_STATES } from '@/lib/conversations/state';
import { START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';

describe('statusBadge', () => {
  const table = [
    ['starting', 'Starting', 'attention', 'sync'],
    ['running', 'Running', 'success', 'play'],
    ['waiting_for_confirmation', 'Waiting for you', 'attention', 'alert'],
    ['paused', 'Paused', 'neutral', 'pause'],
    ['finished', 'Finished', 'done', 'check'],
    ['stopped', 'Stopped', 'accent', 'comment'],
    ['error', 'Error', 'danger', 'x'],
    ['stuck', 'Stuck', 'danger', 'stop'],
    ['archived', 'Archived', 'neutral', 'archive'],
    ['unknown', 'Status unknown', 'neutral', 'question'],
  ] as const;

  it('should have a row for every state', () => {
    expect(table.map(([state]) => state)).toEqual([...CONVERSATION_STATES]);
  });

  it.each(table)('%s: %j, %s tone, %s icon', (state, label, tone, icon) => {
    expect(statusBadge({ state, startStatus: null })).toEqual({ label, stage: null, tone, icon });
  });

  const stages: [string, string | null][] = [
    ['WORKING', null],
    ['WAITING_FOR_SANDBOX', 'Waiting for sandbox'],
    ['PREPARING_REPOSITORY', 'Preparing repository'],
    ['RUNNING_SETUP_SCRIPT', 'Running setup script'],
    ['SETTING_UP_GIT_HOOKS', 'Setting up git hooks'],
    ['SETTING_UP_SKILLS', 'Setting up skills'],
    ['STARTING_CONVERSATION', 'Starting conversation'],
    ['READY', null],
    ['ERROR', null],
  ];

  it('should have a row for every start task status', () => {
    expect(stages.map(([status]) => status)).toEqual([...START_TASK_STATUSES]);
  });

  it.each(stages)('should show start stage %s as %j', (startStatus, stage) => {
    expect(statusBadge({ state: 'starting', startStatus })).toMatchObject({ label: 'Starting', stage });
  });

  it('should show a stage from a newer server as plain "Starting"', () => {
    expect(statusBadge({ state: 'starting', startStatus: 'WARMING_UP' }).stage).toBe('Starting');
  });

  it('should show no stage once past starting', () => {
    expect(statusBadge({ state: 'running', startStatus: 'PREPARING_REPOSITORY' }).stage).toBeNull();
  });
});
