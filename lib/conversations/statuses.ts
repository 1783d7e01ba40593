import type { ConversationState } from '@/lib/conversations/state';
import type { CONVERSATION_STATUSES_V0 } from '@/lib/openhands/schemas-v0';
import type { EXECUTION_STATUSES, SANDBOX_STATUSES, START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';

/*
 * Pure mappings from the server's statuses (V1 sandbox and execution, V0 status, start task) to one conversation
 * state (lib/conversations/state.ts). Tables are typed as complete Records, so a new enum value in
 * schemas-v1/v0 fails to compile until it is mapped here. Unknown strings from a newer server fall back to
 * something harmless instead of throwing.
 */

type StartTaskStatus = (typeof START_TASK_STATUSES)[number];
type SandboxStatus = (typeof SANDBOX_STATUSES)[number];
type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
type ConversationStatusV0 = (typeof CONVERSATION_STATUSES_V0)[number];
/** A status as parsed from a response: a known value, or a string from a newer server. */
type Open<T extends string> = T | (string & {});

/** `READY` and `ERROR` end a start; everything else is still on its way. */
export function isTerminalStartStatus(status: Open<StartTaskStatus>): boolean {
  return status === 'READY' || status === 'ERROR';
}

const SANDBOX_STATES: Record<SandboxStatus, ConversationState | null> = {
  STARTING: 'starting',
  // Refined by `execution_status`.
  RUNNING: null,
  PAUSED: 'paused',
  ERROR: 'error',
  // The sandbox was deleted or archived.
  MISSING: 'archived',
};

const EXECUTION_STATES: Record<ExecutionStatus, ConversationState> = {
  // The agent is done with its last message and waits for the next one.
  idle: 'stopped',
  running: 'running',
  paused: 'paused',
  waiting_for_confirmation: 'waiting_for_confirmation',
  finished: 'finished',
  error: 'error',
  stuck: 'stuck',
  // On its way out: show it as gone.
  deleting: 'archived',
};

const V0_STATES: Record<ConversationStatusV0, ConversationState> = {
  STARTING: 'starting',
  RUNNING: 'running',
  STOPPED: 'stopped',
  ARCHIVED: 'archived',
  ERROR: 'error',
};

/** The statuses `conversationState` reads: V1 `AppConversation` or V0 `ConversationInfo`. */
export type ConversationStatusFields =
  | { sandbox_status?: Open<SandboxStatus> | null; execution_status?: Open<ExecutionStatus> | null }
  | { status?: Open<ConversationStatusV0> | null };

const lookup = <T>(table: Record<string, T>, key: string | null | undefined): T | undefined =>
  key != null && Object.hasOwn(table, key) ? table[key] : undefined;

/**
 * One state for a conversation. V1: `sandbox_status` (PAUSED → paused, MISSING → archived), refined by
 * `execution_status` only while the sandbox runs: the server sends null otherwise, and a stale value must not
 * win over the sandbox (null while running means the agent server didn't report yet: treat as running). V0: `status`. Unknown values
 * give `stopped`: neutral, and not busy, so nothing polls forever on a status it can't read.
 */
export function conversationState(conv: ConversationStatusFields): ConversationState {
  if ('sandbox_status' in conv || 'execution_status' in conv) {
    const { sandbox_status: sandbox = 'MISSING', execution_status: execution } = conv;
    const fromSandbox = lookup(SANDBOX_STATES, sandbox);
    if (fromSandbox) return fromSandbox;
    if (sandbox !== 'RUNNING') return 'stopped';
    return execution == null ? 'running' : (lookup(EXECUTION_STATES, execution) ?? 'running');
  }
  return conversationStateV0('status' in conv ? conv : {});
}

/** The state of a V0 `ConversationInfo`, from its `status`. */
export function conversationStateV0(info: { status?: Open<ConversationStatusV0> | null }): ConversationState {
  return lookup(V0_STATES, info.status) ?? 'stopped';
}
