import { STARTING_POLL_MS } from '@/lib/background/polling/policy';
import type { FollowUpStage } from '@/lib/conversations/follow-up';
import { MAY_HAVE_ARRIVED } from '@/lib/errors/codes';
import { createOpenHandsError, OpenHandsError, toOpenHandsError } from '@/lib/errors/error';
import { SPECIFIC_ERRORS, uncertainReason } from '@/lib/errors/messages';
import { t } from '@/lib/i18n';
import type { OpenHandsClient } from '@/lib/openhands/client';
import type { AppConversation } from '@/lib/openhands/schemas-v1';

/*
 * Delivering one follow-up to a V1 conversation, as its sandbox allows (the steps of issue 13):
 *
 *   no conversation yet (start task) ─ READY? ── no ──→ pending-messages (`task-<id>`)  → queued
 *                                          └── yes ──→ as a conversation, below
 *   conversation ─ PAUSED ──→ resume → wait for RUNNING ─┐
 *                ├ STARTING ──────────→ wait for RUNNING ─┤
 *                └ anything else ─────────────────────────┴→ send-message → sent
 *                                     409 → resume, wait, send once more; 410 → archived; 503 → error
 *
 * The queue is used until READY, never send-message (messages sent right after READY were lost before,
 * OpenHands #13716). RUNNING, ERROR and MISSING all go straight to send-message: the server's answer (sent,
 * 503, 410) is the authority, and the status just read may already be stale. Failures throw an
 * `OpenHandsError` saying nothing was sent, or `delivery_unconfirmed` when the request carrying the text may have
 * arrived (then nothing invites a second send); nothing here touches storage (`commit` tells the handler).
 */

/** The longest wait for a sandbox to reach RUNNING before giving up: starts usually take under a minute. */
export const SANDBOX_WAIT_MS = 2 * 60_000;
/** How often the conversation is read while waiting: the polling policy's pace for starts. */
export const SANDBOX_POLL_MS = STARTING_POLL_MS;

export type DeliveryClient = Pick<
  OpenHandsClient,
  'getStartTasks' | 'getConversations' | 'sendMessage' | 'resumeSandbox' | 'queuePendingMessage'
>;

export interface DeliveryTarget {
  taskId: string | null;
  conversationId: string | null;
}

export interface DeliveryDeps {
  client: DeliveryClient;
  /** Each stage as it is reached (`waiting_for_sandbox` again on every read while waiting). */
  onStage(stage: FollowUpStage): void;
  /**
   * Runs right before the request that carries the text leaves (send-message or pending-messages), and is
   * waited for: the handler notes that the text may reach the server from now on.
   */
  commit?(stage: 'sending' | 'queueing'): Promise<void>;
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch; bounds the wait. */
  now(): number;
}

/** How a delivery ended. `conversationId` is the conversation's id, learned from the start task if need be. */
export type Delivery =
  | { kind: 'sent'; conversationId: string }
  | { kind: 'queued'; position: number }
  | { kind: 'archived'; conversationId: string };

type SandboxStatus = AppConversation['sandbox_status'];

/** A sandbox on its way to RUNNING (or paused, which a resume is moving on). */
const isWaiting = (status: SandboxStatus) => status === 'STARTING' || status === 'PAUSED';

const codeOf = (error: unknown) => toOpenHandsError(error).code;

/** The text may or may not have reached the conversation (409, 410, 503 and the like say it did not). */
function unconfirmed(error: unknown): OpenHandsError {
  const reason = uncertainReason(codeOf(error));
  return createOpenHandsError('delivery_unconfirmed', reason ? { detail: reason } : {});
}

/** Sends the text with `post`, noting first that it may leave; uncertain failures become `delivery_unconfirmed`. */
async function carry<T>(
  stage: 'sending' | 'queueing',
  deps: DeliveryDeps,
  post: () => Promise<T>,
): Promise<T> {
  deps.onStage(stage);
  await deps.commit?.(stage);
  try {
    return await post();
  } catch (error) {
    throw MAY_HAVE_ARRIVED.has(codeOf(error)) ? unconfirmed(error) : error;
  }
}
/** The server answered for this conversation with something the extension cannot read: nothing was sent. */
const unreadable = () => createOpenHandsError('bad_response', { detail: t('errors.conversationStatus') });
const gone = () =>
  new OpenHandsError(SPECIFIC_ERRORS.followUpGone.code, SPECIFIC_ERRORS.followUpGone.message);

/** Delivers `text` to the target conversation. */
export async function deliverFollowUp(
  target: DeliveryTarget,
  text: string,
  deps: DeliveryDeps,
): Promise<Delivery> {
  if (target.conversationId) return sendToConversation(target.conversationId, text, deps);
  if (!target.taskId) throw gone();
  deps.onStage('checking');
  const [task] = await deps.client.getStartTasks([target.taskId]);
  if (task === undefined) throw unreadable();
  if (!task) throw gone();
  if (task.status === 'ERROR')
    throw createOpenHandsError('start_failed', { detail: task.detail ?? undefined });
  if (task.status === 'READY' && task.app_conversation_id)
    return sendToConversation(task.app_conversation_id, text, deps);
  const taskId = target.taskId;
  const queued = await carry('queueing', deps, () => deps.client.queuePendingMessage(taskId, text));
  return { kind: 'queued', position: queued.position };
}

/** The conversation as the server reports it now; null when it no longer knows it. */
async function read(id: string, deps: DeliveryDeps): Promise<AppConversation | null> {
  const [conversation] = await deps.client.getConversations([id]);
  if (conversation === undefined) throw unreadable();
  return conversation;
}

async function sendToConversation(id: string, text: string, deps: DeliveryDeps): Promise<Delivery> {
  deps.onStage('checking');
  const conversation = await read(id, deps);
  // Batch reads answer null for a conversation that was deleted: nothing can reach it any more.
  if (!conversation) return { kind: 'archived', conversationId: id };
  const sandboxId = conversation.sandbox_id ?? null;
  let status: SandboxStatus | null = conversation.sandbox_status;
  if (status === 'PAUSED') await resume(sandboxId, deps);
  if (isWaiting(status)) status = await waitForSandbox(id, deps);
  if (status === null) return { kind: 'archived', conversationId: id };

  for (let attempt = 1; ; attempt++) {
    try {
      await carry('sending', deps, () => deps.client.sendMessage(id, text));
      return { kind: 'sent', conversationId: id };
    } catch (error) {
      const code = codeOf(error);
      if (code === 'conversation_archived') return { kind: 'archived', conversationId: id };
      // 409: the sandbox stopped running since it was read (Cloud pauses idle sandboxes). Resume, once.
      if (code !== 'sandbox_not_running' || attempt > 1) throw error;
    }
    await resume(sandboxId, deps);
    if ((await waitForSandbox(id, deps)) === null) return { kind: 'archived', conversationId: id };
  }
}

async function resume(sandboxId: string | null, deps: DeliveryDeps): Promise<void> {
  // Without its sandbox's id a conversation cannot be resumed; send-message would keep answering 409.
  if (!sandboxId) throw createOpenHandsError('sandbox_not_running');
  deps.onStage('resuming');
  await deps.client.resumeSandbox(sandboxId);
}

/**
 * Reads the conversation every `SANDBOX_POLL_MS` until its sandbox leaves STARTING/PAUSED, for at most
 * `SANDBOX_WAIT_MS`. Returns the status it reached (RUNNING, or ERROR/MISSING for send-message to explain), or
 * null when the server no longer knows the conversation.
 */
async function waitForSandbox(id: string, deps: DeliveryDeps): Promise<SandboxStatus | null> {
  const started = deps.now();
  for (;;) {
    deps.onStage('waiting_for_sandbox');
    await deps.sleep(SANDBOX_POLL_MS);
    const conversation = await read(id, deps);
    if (!conversation) return null;
    if (!isWaiting(conversation.sandbox_status)) return conversation.sandbox_status;
    if (deps.now() - started >= SANDBOX_WAIT_MS)
      throw createOpenHandsError('sandbox_start_timeout', { timeoutMs: SANDBOX_WAIT_MS });
  }
}
