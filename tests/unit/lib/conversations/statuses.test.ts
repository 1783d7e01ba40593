// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ConversationState, stateLabel } from '@/lib/conversations/state';
import { conversationState, conversationStateV0, isTerminalStartStatus } from '@/lib/conversations/statuses';
import { CONVERSATION_STATUSES_V0 } from '@/lib/openhands/schemas-v0';
import { EXECUTION_STATUSES, SANDBOX_STATUSES, START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';
import { SpecValidator } from '../openhands/helpers/openapi';

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
  const table: [string, boolean][] = [
    ['WORKING', false],
    ['WAITING_FOR_SANDBOX', false],
    ['PREPARING_REPOSITORY', false],
    ['RUNNING_SETUP_SCRIPT', false],
    ['SETTING_UP_GIT_HOOKS', false],
    ['SETTING_UP_SKILLS', false],
    ['STARTING_CONVERSATION', false],
    ['READY', true],
    ['ERROR', true],
  ];

  it('should have a row for every enum value', () => {
    expect(table.map(([status]) => status)).toEqual([...START_TASK_STATUSES]);
  });

  it.each(table)('%s: terminal=%s', (status, terminal) => {
    expect(isTerminalStartStatus(status)).toBe(terminal);
  });

  it('should treat an unknown stage as still starting', () => {
    expect(isTerminalStartStatus('SETTING_UP_PLUGINS')).toBe(false);
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
    ['idle', 'stopped'],
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
    [{ sandbox_status: 'STOPPING' }, 'stopped'],
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
    ['STOPPED', 'stopped'],
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

  it('should treat an unknown status as stopped', () => {
    expect(conversationStateV0({ status: 'HIBERNATING' })).toBe('stopped');
    expect(conversationStateV0({})).toBe('stopped');
  });
});

describe('every execution_status × sandbox_status pair the API allows', () => {
  // What users read for each pair. The API sends an execution status only while the sandbox is RUNNING (null
  // otherwise); a stale one next to another sandbox status must not win, so those pairs read as the sandbox.
  const whenRunning: Record<string, string> = {
    null: 'Running',
    idle: 'Stopped',
    running: 'Running',
    paused: 'Paused',
    waiting_for_confirmation: 'Waiting for you',
    finished: 'Finished',
    error: 'Error',
    stuck: 'Stuck',
    deleting: 'Archived',
  };
  const otherwise: Record<string, string> = {
    STARTING: 'Starting',
    PAUSED: 'Paused',
    ERROR: 'Error',
    MISSING: 'Archived',
  };
  const pairs = SANDBOX_STATUSES.flatMap((sandbox) =>
    [null, ...EXECUTION_STATUSES].map((execution) => [sandbox, execution] as const),
  );

  it('should expect something of every value', () => {
    expect(Object.keys(whenRunning)).toEqual(['null', ...EXECUTION_STATUSES]);
    expect(Object.keys(otherwise)).toEqual(SANDBOX_STATUSES.filter((s) => s !== 'RUNNING'));
    expect(pairs).toHaveLength(SANDBOX_STATUSES.length * (EXECUTION_STATUSES.length + 1));
  });

  it.each(pairs)('sandbox %s, execution %s', (sandbox, execution) => {
    const label = sandbox === 'RUNNING' ? whenRunning[String(execution)] : otherwise[sandbox];
    expect(stateLabel(conversationState({ sandbox_status: sandbox, execution_status: execution }))).toBe(
      label,
    );
  });

  it.each([
    ['STARTING', 'Starting'],
    ['RUNNING', 'Running'],
    ['STOPPED', 'Stopped'],
    ['ARCHIVED', 'Archived'],
    ['ERROR', 'Error'],
  ])('V0 %s reads %j', (status, label) => {
    expect(stateLabel(conversationStateV0({ status }))).toBe(label);
  });
});
