// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CONVERSATION_STATUSES_V0 } from '@/lib/openhands/schemas-v0';
import { EXECUTION_STATUSES, SANDBOX_STATUSES, START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';
import {
  CONVERSATION_STATES,
  type ConversationState,
  conversationState,
  conversationStateV0,
  conversationUrl,
  isActiveState,
  isTerminalStartStatus,
  startStageLabel,
  stateLabel,
  taskUrl,
} from '@/lib/openhands/statuses';
import { SpecValidator } from './helpers/openapi';

const cloud = new SpecValidator('openhands-cloud.json');
const v0 = new SpecValidator('V0_openapi.json');
const specEnum = (spec: SpecValidator, name: string) => spec.doc.components.schemas[name]?.enum as string[];

describe('enums match the spec', () => {
  it.each([
    ['AppConversationStartTaskStatus', START_TASK_STATUSES],
    ['SandboxStatus', SANDBOX_STATUSES],
    ['ConversationExecutionStatus', EXECUTION_STATUSES],
  ])('should list every %s value', (name, values) => {
    expect([...values]).toEqual(specEnum(cloud, name));
  });

  it('should cover the V0 spec ConversationStatus plus the ARCHIVED/ERROR values of later servers', () => {
    expect([...CONVERSATION_STATUSES_V0]).toEqual([
      ...specEnum(v0, 'ConversationStatus'),
      'ARCHIVED',
      'ERROR',
    ]);
  });
});

describe('start task status', () => {
  const table: [string, boolean, string][] = [
    ['WORKING', false, 'Starting'],
    ['WAITING_FOR_SANDBOX', false, 'Waiting for sandbox'],
    ['PREPARING_REPOSITORY', false, 'Preparing repository'],
    ['RUNNING_SETUP_SCRIPT', false, 'Running setup script'],
    ['SETTING_UP_GIT_HOOKS', false, 'Setting up git hooks'],
    ['SETTING_UP_SKILLS', false, 'Setting up skills'],
    ['STARTING_CONVERSATION', false, 'Starting conversation'],
    ['READY', true, 'Ready'],
    ['ERROR', true, 'Failed to start'],
  ];

  it('should have a row for every enum value', () => {
    expect(table.map(([status]) => status)).toEqual([...START_TASK_STATUSES]);
  });

  it.each(table)('%s: terminal=%s, label %j', (status, terminal, label) => {
    expect(isTerminalStartStatus(status)).toBe(terminal);
    expect(startStageLabel(status)).toBe(label);
  });

  it('should treat an unknown stage as still starting', () => {
    expect(isTerminalStartStatus('SETTING_UP_PLUGINS')).toBe(false);
    expect(startStageLabel('SETTING_UP_PLUGINS')).toBe('Starting');
  });
});

describe('conversationState (V1)', () => {
  const bySandbox: [string, ConversationState][] = [
    ['STARTING', 'starting'],
    ['RUNNING', 'running'],
    ['PAUSED', 'paused'],
    ['ERROR', 'error'],
    ['MISSING', 'archived'],
  ];

  it('should have a row for every SandboxStatus', () => {
    expect(bySandbox.map(([s]) => s)).toEqual([...SANDBOX_STATUSES]);
  });

  it.each(bySandbox)('sandbox %s (no execution status) → %s', (sandbox, expected) => {
    expect(conversationState({ sandbox_status: sandbox, execution_status: null })).toBe(expected);
  });

  const byExecution: [string, ConversationState][] = [
    ['idle', 'idle'],
    ['running', 'running'],
    ['paused', 'paused'],
    ['waiting_for_confirmation', 'waiting_for_confirmation'],
    ['finished', 'finished'],
    ['error', 'error'],
    ['stuck', 'stuck'],
    ['deleting', 'archived'],
  ];

  it('should have a row for every ConversationExecutionStatus', () => {
    expect(byExecution.map(([s]) => s)).toEqual([...EXECUTION_STATUSES]);
  });

  it.each(byExecution)('sandbox RUNNING, execution %s → %s', (execution, expected) => {
    expect(conversationState({ sandbox_status: 'RUNNING', execution_status: execution })).toBe(expected);
  });

  it('should let the sandbox win when it is not running (a stale execution status)', () => {
    expect(conversationState({ sandbox_status: 'PAUSED', execution_status: 'running' })).toBe('paused');
  });

  it.each([
    [{ sandbox_status: 'STOPPING' }, 'idle'],
    [{ sandbox_status: 'RUNNING', execution_status: 'thinking' }, 'running'],
    [{ execution_status: 'finished' }, 'archived'],
  ] as const)('should handle %j → %s', (conv, expected) => {
    expect(conversationState(conv)).toBe(expected);
  });
});

describe('conversationState (V0)', () => {
  const table: [string, ConversationState][] = [
    ['STARTING', 'starting'],
    ['RUNNING', 'running'],
    ['STOPPED', 'paused'],
    ['ARCHIVED', 'archived'],
    ['ERROR', 'error'],
  ];

  it('should have a row for every ConversationStatus', () => {
    expect(table.map(([s]) => s)).toEqual([...CONVERSATION_STATUSES_V0]);
  });

  it.each(table)('status %s → %s', (status, expected) => {
    expect(conversationState({ status })).toBe(expected);
    expect(conversationStateV0({ status })).toBe(expected);
  });

  it('should treat an unknown status as idle', () => {
    expect(conversationStateV0({ status: 'HIBERNATING' })).toBe('idle');
    expect(conversationStateV0({})).toBe('idle');
  });
});

describe('states', () => {
  const table: [ConversationState, boolean, string][] = [
    ['starting', true, 'Starting'],
    ['running', true, 'Running'],
    ['waiting_for_confirmation', false, 'Waiting for your confirmation'],
    ['idle', false, 'Waiting for input'],
    ['finished', false, 'Finished'],
    ['error', false, 'Error'],
    ['paused', false, 'Paused'],
    ['archived', false, 'Archived'],
    ['stuck', false, 'Stuck'],
    ['unknown', false, 'Status unknown'],
  ];

  it('should have a row for every state', () => {
    expect(table.map(([s]) => s)).toEqual([...CONVERSATION_STATES]);
  });

  it.each(table)('%s: active=%s, label %j', (state, active, label) => {
    expect(isActiveState(state)).toBe(active);
    expect(stateLabel(state)).toBe(label);
  });
});

describe('web links', () => {
  it('should link a conversation', () => {
    expect(conversationUrl('https://app.all-hands.dev/', 'abc123')).toBe(
      'https://app.all-hands.dev/conversations/abc123',
    );
  });

  it('should link a pending start task', () => {
    expect(taskUrl('http://localhost:3000', 'abc123')).toBe(
      'http://localhost:3000/conversations/task-abc123',
    );
  });
});
