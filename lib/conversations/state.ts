import { t } from '@/lib/i18n';
import type { START_TASK_STATUSES } from '@/lib/openhands/schemas-v1';

/*
 * What a conversation is doing, as users see it: the states, their labels, and what each means for the badge,
 * polling and notifications. lib/conversations/statuses.ts maps the server's statuses to these. No zod, so the
 * GitHub content script may import it; the schema is in state-schema.ts.
 */

export const CONVERSATION_STATES = [
  'starting',
  'running',
  /** The agent asks the user to confirm an action. */
  'waiting_for_confirmation',
  'paused',
  'finished',
  /** The agent stopped and waits for a new message (V1 execution `idle`, V0 `STOPPED`). */
  'stopped',
  'error',
  'stuck',
  'archived',
  /** Polls kept failing for a day, so polling stopped: the server may know more. */
  'unknown',
] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** The words of each state, read in the user's language when shown. */
const STATE_LABELS: Record<ConversationState, () => string> = {
  starting: () => t('states.starting'),
  running: () => t('states.running'),
  waiting_for_confirmation: () => t('states.waitingForConfirmation'),
  paused: () => t('states.paused'),
  finished: () => t('states.finished'),
  stopped: () => t('states.stopped'),
  error: () => t('states.error'),
  stuck: () => t('states.stuck'),
  archived: () => t('states.archived'),
  unknown: () => t('states.unknown'),
};

/** The state as users read it, e.g. in a badge or a notification title. */
export function stateLabel(state: ConversationState): string {
  return STATE_LABELS[state]();
}

type StartTaskStatus = (typeof START_TASK_STATUSES)[number];

const START_STAGE_LABELS: Record<StartTaskStatus, () => string> = {
  WORKING: () => t('states.stage.working'),
  WAITING_FOR_SANDBOX: () => t('states.stage.waitingForSandbox'),
  PREPARING_REPOSITORY: () => t('states.stage.preparingRepository'),
  RUNNING_SETUP_SCRIPT: () => t('states.stage.runningSetupScript'),
  SETTING_UP_GIT_HOOKS: () => t('states.stage.settingUpGitHooks'),
  SETTING_UP_SKILLS: () => t('states.stage.settingUpSkills'),
  STARTING_CONVERSATION: () => t('states.stage.startingConversation'),
  READY: () => t('states.stage.ready'),
  ERROR: () => t('states.stage.error'),
};

/** How far a start got (the start task's status) as users read it; a stage from a newer server is "Starting". */
export function startStageLabel(status: StartTaskStatus | (string & {})): string {
  const label = Object.hasOwn(START_STAGE_LABELS, status)
    ? START_STAGE_LABELS[status as StartTaskStatus]
    : START_STAGE_LABELS.WORKING;
  return label();
}

/**
 * Starting or running: the agent is busy for the user. The toolbar badge counts these, and while the popup
 * shows one, the background keeps the popup's list fresh (lib/background/list/list-refresh.ts).
 */
export function isBusy(state: ConversationState): boolean {
  return state === 'starting' || state === 'running';
}

/** States after which nothing more happens without the user: polling stops. */
const FINAL_STATES: ReadonlySet<ConversationState> = new Set([
  'finished',
  'error',
  'archived',
  'stuck',
  'unknown',
]);

export function isFinalState(state: ConversationState): boolean {
  return FINAL_STATES.has(state);
}

/** States worth a notification when a conversation reaches them. */
const NOTIFY_STATES: ReadonlySet<ConversationState> = new Set([
  'finished',
  'error',
  'waiting_for_confirmation',
  'stuck',
]);

export function isNotifyState(state: ConversationState): boolean {
  return NOTIFY_STATES.has(state);
}
