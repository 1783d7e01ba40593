// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  itemFromAppConversation,
  itemFromConversationInfoV0,
  itemFromRecord,
} from '@/lib/conversations/list-item';
import type { ConversationState } from '@/lib/conversations/state';
import { CONVERSATION_STATUSES_V0, type ConversationInfoV0 } from '@/lib/openhands/schemas-v0';
import { EXECUTION_STATUSES, SANDBOX_STATUSES, START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';
import { makeAppConversation, SERVER } from './factories';

describe('itemFromRecord', () => {
  it('should list a start in progress under its local id, linking to the start task', () => {
    const actual = itemFromRecord(
      makeRecord({ id: 'task1', taskId: 'task1', startStatus: 'PREPARING_REPOSITORY' }),
    );
    expect(actual).toMatchObject({
      key: 'local:task1',
      localId: 'task1',
      conversationId: null,
      state: 'starting',
      startStatus: 'PREPARING_REPOSITORY',
      title: '#42: Crash on startup',
      source: { kind: 'issue', number: 42 },
      url: `${SERVER}/conversations/task-task1`,
    });
  });

  it('should key a started conversation by its normalized conversation id', () => {
    const record = makeRecord({
      conversationId: '660E8400-E29B-41D4-A716-446655440001',
      state: 'running',
      startStatus: 'READY',
    });
    const actual = itemFromRecord(record);
    expect(actual.key).toBe('660e8400e29b41d4a716446655440001');
    expect(actual.startStatus).toBeNull();
    expect(actual.url).toBe(`${SERVER}/conversations/660E8400-E29B-41D4-A716-446655440001`);
  });

  it('should list a conversation started without a repository', () => {
    expect(itemFromRecord(makeRecord({ repository: null })).repository).toBeNull();
  });

  it.each(START_TASK_STATUSES)('should keep the start stage %s while starting', (status) => {
    expect(itemFromRecord(makeRecord({ startStatus: status })).startStatus).toBe(status);
  });
});

describe('itemFromAppConversation', () => {
  it('should map the fields a row shows', () => {
    const actual = itemFromAppConversation(makeAppConversation({ pr_number: [7] }), testOrigin(`${SERVER}/`));
    expect(actual).toEqual({
      key: '660e8400e29b41d4a716446655440001',
      conversationId: '660e8400e29b41d4a716446655440001',
      localId: null,
      title: 'Fix README',
      repository: 'octo-org/hello-world',
      branch: 'main',
      prNumber: 7,
      pullNumbers: [7],
      source: { kind: 'pull', url: 'https://github.com/octo-org/hello-world/pull/7', number: 7 },
      state: 'running',
      startStatus: null,
      detail: null,
      createdAt: '2026-11-28T10:00:00Z',
      updatedAt: '2026-11-28T10:05:00Z',
      url: `${SERVER}/conversations/660e8400e29b41d4a716446655440001`,
    });
  });

  it('should leave an untitled conversation untitled, so the popup can show its reference', () => {
    expect(
      itemFromAppConversation(makeAppConversation({ title: null }), testOrigin(SERVER)).title,
    ).toBeNull();
  });

  it('should not invent a GitHub link for other providers', () => {
    const conversation = makeAppConversation({ git_provider: 'gitlab', pr_number: [3] });
    expect(itemFromAppConversation(conversation, testOrigin(SERVER))).toMatchObject({
      source: null,
      pullNumbers: [],
    });
  });

  const expected: Record<string, ConversationState> = {
    STARTING: 'starting',
    PAUSED: 'paused',
    ERROR: 'error',
    MISSING: 'archived',
  };
  const byExecution: Record<string, ConversationState> = {
    idle: 'stopped',
    running: 'running',
    paused: 'paused',
    waiting_for_confirmation: 'waiting_for_confirmation',
    finished: 'finished',
    error: 'error',
    stuck: 'stuck',
    deleting: 'archived',
  };

  it('should have an expectation for every execution status', () => {
    expect(Object.keys(byExecution)).toEqual([...EXECUTION_STATUSES]);
  });

  const cases = SANDBOX_STATUSES.flatMap((sandbox) =>
    [...EXECUTION_STATUSES, null].map((execution) => [sandbox, execution] as const),
  );
  it.each(cases)('should show sandbox %s with execution %s', (sandbox, execution) => {
    const want = sandbox === 'RUNNING' ? (execution ? byExecution[execution] : 'running') : expected[sandbox];
    const conversation = makeAppConversation({ sandbox_status: sandbox, execution_status: execution });
    expect(itemFromAppConversation(conversation, testOrigin(SERVER)).state).toBe(want);
  });

  it('should show a status from a newer server as stopped', () => {
    const conversation = makeAppConversation({ sandbox_status: 'HIBERNATING' });
    expect(itemFromAppConversation(conversation, testOrigin(SERVER)).state).toBe('stopped');
  });
});

describe('itemFromConversationInfoV0', () => {
  const info = (overrides: Partial<ConversationInfoV0> = {}): ConversationInfoV0 => ({
    conversation_id: 'abc123',
    title: 'Legacy conversation',
    last_updated_at: '2026-11-28T10:05:00Z',
    status: 'RUNNING',
    selected_repository: 'octo-org/hello-world',
    selected_branch: null,
    created_at: '2026-11-28T10:00:00Z',
    ...overrides,
  });

  it('should map the fields a row shows', () => {
    expect(itemFromConversationInfoV0(info(), testOrigin(SERVER))).toMatchObject({
      key: 'abc123',
      title: 'Legacy conversation',
      repository: 'octo-org/hello-world',
      createdAt: '2026-11-28T10:00:00Z',
      url: `${SERVER}/conversations/abc123`,
    });
  });

  const v0States: Record<string, ConversationState> = {
    STARTING: 'starting',
    RUNNING: 'running',
    STOPPED: 'stopped',
    ARCHIVED: 'archived',
    ERROR: 'error',
  };
  it.each(CONVERSATION_STATUSES_V0)('should show V0 status %s', (status) => {
    expect(itemFromConversationInfoV0(info({ status }), testOrigin(SERVER)).state).toBe(v0States[status]);
  });
});
