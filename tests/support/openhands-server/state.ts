import { Clock, newHexId, normalizeId } from './ids.ts';
import { Mailboxes } from './mailboxes.ts';
import { type Page, paginate } from './paging.ts';
import type {
  AppConversation,
  AppConversationStartTask,
  AppConversationStartTaskStatus,
  ConversationStatusPatch,
  SandboxInfo,
  SandboxStatus,
  SeedOptions,
  StartRequestEcho,
} from './types.ts';

/** In-memory server-side data: start tasks and conversations, shared by the V1 and V0 routes. */

/** The non-terminal start-task statuses, in the order the real server walks through them. */
export const START_TASK_STEPS: readonly AppConversationStartTaskStatus[] = [
  'WORKING',
  'WAITING_FOR_SANDBOX',
  'PREPARING_REPOSITORY',
  'RUNNING_SETUP_SCRIPT',
  'SETTING_UP_GIT_HOOKS',
  'SETTING_UP_SKILLS',
  'STARTING_CONVERSATION',
];

export const DEFAULT_ERROR_DETAIL = 'Sandbox failed to start: repository owner/repo is not accessible';

export interface PollSettings {
  steps: number;
  final: 'READY' | 'ERROR';
  errorDetail?: string;
}

export interface ConversationFilters {
  title__contains?: string | null;
  created_at__gte?: string | null;
  created_at__lt?: string | null;
  updated_at__gte?: string | null;
  updated_at__lt?: string | null;
  sandbox_id__eq?: string | null;
  include_sub_conversations?: boolean;
  selected_repository?: string | null;
  trigger?: string | null;
}

export interface StartTaskFilters {
  conversation_id__eq?: string | null;
  created_at__gte?: string | null;
}

/** `AppConversationStartTaskSortOrder` */
export type StartTaskSortOrder = 'CREATED_AT' | 'CREATED_AT_DESC' | 'UPDATED_AT' | 'UPDATED_AT_DESC';

/** The agent server image a sandbox runs, as `SandboxInfo.sandbox_spec_id` names it. */
const SANDBOX_SPEC_ID = 'ghcr.io/openhands/agent-server:test';

export class ServerState {
  readonly tasks = new Map<string, AppConversationStartTask>();
  readonly conversations = new Map<string, AppConversation>();
  /** Follow-ups received and messages queued before READY. */
  readonly mailboxes = new Mailboxes();
  /** Sandbox id → status reads left reporting STARTING before RUNNING. */
  private readonly startingReads = new Map<string, number>();
  private readonly clock = new Clock();

  /** `baseUrl` is read lazily: the port is only known once the server listens. */
  constructor(
    private readonly baseUrl: () => string,
    private readonly userId: () => string | null,
  ) {}

  now(): string {
    return this.clock.now();
  }

  reset(): void {
    this.tasks.clear();
    this.conversations.clear();
    this.mailboxes.reset();
    this.startingReads.clear();
    this.clock.reset();
  }

  createStartTask(request: StartRequestEcho, userId: string | null): AppConversationStartTask {
    const now = this.now();
    const task: AppConversationStartTask = {
      id: newHexId(),
      created_by_user_id: userId,
      status: 'WORKING',
      detail: null,
      app_conversation_id: null,
      sandbox_id: null,
      agent_server_url: null,
      request,
      created_at: now,
      updated_at: now,
    };
    this.tasks.set(task.id, task);
    return task;
  }

  getStartTask(id: string): AppConversationStartTask | null {
    return this.tasks.get(normalizeId(id)) ?? null;
  }

  /** One poll: walk `steps` statuses forward; at the end, READY creates the conversation, ERROR sets `detail`. */
  pollStartTask(id: string, settings: PollSettings): AppConversationStartTask | null {
    const task = this.getStartTask(id);
    if (!task || task.status === 'READY' || task.status === 'ERROR' || settings.steps <= 0) return task;
    const next = START_TASK_STEPS.indexOf(task.status) + settings.steps;
    if (next < START_TASK_STEPS.length) {
      task.status = START_TASK_STEPS[next] as AppConversationStartTaskStatus;
    } else if (settings.final === 'ERROR') {
      task.status = 'ERROR';
      task.detail = settings.errorDetail ?? DEFAULT_ERROR_DETAIL;
    } else {
      const conversation = this.conversationFromTask(task);
      task.status = 'READY';
      task.app_conversation_id = conversation.id;
      task.sandbox_id = conversation.sandbox_id;
      task.agent_server_url = this.agentServerUrl(conversation.sandbox_id);
      // As the real server does right after READY: messages queued under `task-<hex>` (and under the
      // conversation's dashed id) are posted to the new conversation, in order.
      this.mailboxes.deliver([`task-${task.id}`, dashed(conversation.id)], conversation.id, this.now());
    }
    task.updated_at = this.now();
    return task;
  }

  /** Adds a conversation; fields default to a freshly started, running one. */
  addConversation(fields: Partial<AppConversation> = {}): AppConversation {
    const id = fields.id ? normalizeId(fields.id) : newHexId();
    const sandboxId = fields.sandbox_id ?? `sandbox-${newHexId().slice(0, 12)}`;
    const now = this.now();
    const sandboxStatus = fields.sandbox_status ?? 'RUNNING';
    const conversation: AppConversation = {
      created_by_user_id: this.userId(),
      selected_repository: null,
      selected_branch: null,
      git_provider: null,
      title: `Conversation ${id.slice(0, 5)}`,
      trigger: null,
      pr_number: [],
      llm_model: null,
      agent_kind: 'openhands',
      metrics: null,
      parent_conversation_id: null,
      sub_conversation_ids: [],
      public: null,
      tags: {},
      created_at: now,
      updated_at: now,
      conversation_url: `${this.agentServerUrl(sandboxId)}/api/conversations/${id}`,
      session_api_key: `session-key-${id.slice(0, 8)}`,
      acp_server: null,
      launched_agent_profile: null,
      ...fields,
      id,
      sandbox_id: sandboxId,
      sandbox_status: sandboxStatus,
      // The real server only knows the agent's status while the sandbox runs.
      execution_status:
        fields.execution_status !== undefined
          ? fields.execution_status
          : sandboxStatus === 'RUNNING'
            ? 'running'
            : null,
    };
    this.conversations.set(id, conversation);
    const parent =
      conversation.parent_conversation_id && this.conversations.get(conversation.parent_conversation_id);
    if (parent) parent.sub_conversation_ids.push(id);
    return conversation;
  }

  getConversation(id: string): AppConversation | null {
    return this.conversations.get(normalizeId(id)) ?? null;
  }

  /** A conversation as a status read sees it: its sandbox may move on from STARTING (`readSandbox`). */
  readConversation(id: string): AppConversation | null {
    const conversation = this.getConversation(id);
    if (conversation) this.readSandbox(conversation.sandbox_id);
    return conversation;
  }

  setConversationStatus(id: string, patch: ConversationStatusPatch, startReads = 1): AppConversation {
    const conversation = this.getConversation(id);
    if (!conversation) throw new Error(`No conversation ${id}`);
    if (patch.sandbox_status) {
      conversation.sandbox_status = patch.sandbox_status;
      if (patch.sandbox_status === 'STARTING') this.startingReads.set(conversation.sandbox_id, startReads);
      else this.startingReads.delete(conversation.sandbox_id);
    }
    if (patch.execution_status !== undefined) {
      conversation.execution_status = patch.execution_status;
    } else if (patch.sandbox_status && patch.sandbox_status !== 'RUNNING') {
      conversation.execution_status = null;
    }
    if (patch.pr_number) conversation.pr_number = [...patch.pr_number];
    conversation.updated_at = this.now();
    return conversation;
  }

  /** The conversations a sandbox serves (usually one here). */
  private inSandbox(sandboxId: string): AppConversation[] {
    return [...this.conversations.values()].filter((c) => c.sandbox_id === sandboxId);
  }

  private setSandboxStatus(sandboxId: string, status: SandboxStatus): void {
    for (const conversation of this.inSandbox(sandboxId)) {
      conversation.sandbox_status = status;
      // The agent waits for input after a resume; nothing is known while the sandbox is not running.
      conversation.execution_status = status === 'RUNNING' ? 'idle' : null;
      conversation.updated_at = this.now();
    }
  }

  /**
   * One status read of a sandbox (through a conversation or the sandbox itself): a starting sandbox counts
   * down its reads and reports RUNNING once they are used up.
   */
  readSandbox(sandboxId: string): void {
    const left = this.startingReads.get(sandboxId);
    if (left === undefined) return;
    if (left > 0) {
      this.startingReads.set(sandboxId, left - 1);
      return;
    }
    this.startingReads.delete(sandboxId);
    this.setSandboxStatus(sandboxId, 'RUNNING');
  }

  /** `POST /sandboxes/{id}/resume`: a paused sandbox starts; false when there is no such (live) sandbox. */
  resumeSandbox(sandboxId: string, startReads: number): boolean {
    const served = this.inSandbox(sandboxId);
    if (served.length === 0 || served.every((c) => c.sandbox_status === 'MISSING')) return false;
    if (served.some((c) => c.sandbox_status === 'PAUSED' || c.sandbox_status === 'ERROR')) {
      this.setSandboxStatus(sandboxId, 'STARTING');
      this.startingReads.set(sandboxId, startReads);
    }
    return true;
  }

  /** `POST /sandboxes/{id}/pause`; false when there is no such (live) sandbox. */
  pauseSandbox(sandboxId: string): boolean {
    const served = this.inSandbox(sandboxId);
    if (served.length === 0 || served.every((c) => c.sandbox_status === 'MISSING')) return false;
    this.startingReads.delete(sandboxId);
    this.setSandboxStatus(sandboxId, 'PAUSED');
    return true;
  }

  /** `SandboxInfo` of a sandbox some conversation uses, or null (deleted ones are unknown). */
  sandboxInfo(sandboxId: string): SandboxInfo | null {
    const [first] = this.inSandbox(sandboxId);
    if (!first || first.sandbox_status === 'MISSING') return null;
    const running = first.sandbox_status === 'RUNNING';
    return {
      id: sandboxId,
      created_by_user_id: first.created_by_user_id,
      sandbox_spec_id: SANDBOX_SPEC_ID,
      status: first.sandbox_status,
      // The real server hands these out only for a running sandbox the caller fully owns.
      session_api_key: running ? `session-key-${sandboxId.slice(-8)}` : null,
      exposed_urls: running
        ? [{ name: 'AGENT_SERVER', url: this.agentServerUrl(sandboxId), port: 8000 }]
        : null,
      created_at: first.created_at,
      status_detail: null,
    };
  }

  /** Adds n conversations created one after another; returns them newest first, as the API lists them. */
  seed(n: number, opts: SeedOptions = {}): AppConversation[] {
    const created: AppConversation[] = [];
    for (let i = 0; i < n; i++) {
      created.push(
        this.addConversation({
          selected_repository: opts.repository === undefined ? 'octo-org/octo-repo' : opts.repository,
          selected_branch: opts.branch === undefined ? 'main' : opts.branch,
          git_provider: 'github',
          title: `${opts.titlePrefix ?? 'Seeded conversation'} ${i + 1}`,
          trigger: opts.trigger === undefined ? 'openhands_api' : opts.trigger,
          pr_number: opts.pr_number ?? [],
          sandbox_status: opts.sandbox_status ?? 'RUNNING',
          ...(opts.execution_status !== undefined ? { execution_status: opts.execution_status } : {}),
        }),
      );
    }
    return created.reverse();
  }

  /** Newest first by created_at, the service default (there is no sort parameter). */
  search(
    filters: ConversationFilters,
    pageId: string | null | undefined,
    limit: number,
  ): Page<AppConversation> {
    const matches = [...this.conversations.values()]
      .filter((c) => matchesFilters(c, filters))
      .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
    return paginate(matches, pageId, limit);
  }

  /** `GET /start-tasks/search`: the sort order decides the field and direction (default newest first). */
  searchStartTasks(
    filters: StartTaskFilters,
    sortOrder: StartTaskSortOrder,
    pageId: string | null | undefined,
    limit: number,
  ): Page<AppConversationStartTask> {
    const field = sortOrder.startsWith('UPDATED_AT') ? 'updated_at' : 'created_at';
    const direction = sortOrder.endsWith('_DESC') ? -1 : 1;
    const time = (iso: string) => Date.parse(iso);
    const wanted = filters.conversation_id__eq ? normalizeId(filters.conversation_id__eq) : null;
    const since = filters.created_at__gte ? time(filters.created_at__gte) : null;
    const matches = [...this.tasks.values()]
      .filter(
        (t) => wanted === null || (t.app_conversation_id && normalizeId(t.app_conversation_id) === wanted),
      )
      .filter((t) => since === null || time(t.created_at) >= since)
      .sort((a, b) => direction * (time(a[field]) - time(b[field])));
    return paginate(matches, pageId, limit);
  }

  private conversationFromTask(task: AppConversationStartTask): AppConversation {
    const r = task.request;
    const str = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : null);
    return this.addConversation({
      ...(str('conversation_id') ? { id: str('conversation_id') as string } : {}),
      ...(str('sandbox_id') ? { sandbox_id: str('sandbox_id') as string } : {}),
      created_by_user_id: task.created_by_user_id,
      selected_repository: str('selected_repository'),
      selected_branch: str('selected_branch'),
      git_provider: str('git_provider'),
      trigger: str('trigger'),
      llm_model: str('llm_model'),
      parent_conversation_id: str('parent_conversation_id'),
      pr_number: Array.isArray(r.pr_number) ? (r.pr_number as number[]) : [],
      public: typeof r.public === 'boolean' ? r.public : null,
      ...(str('title') ? { title: str('title') } : {}),
    });
  }

  private agentServerUrl(sandboxId: string): string {
    return `${this.baseUrl()}/runtime/${sandboxId}`;
  }
}

/** The 8-4-4-4-12 form, as Python's `str(uuid)` writes it. */
function dashed(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function matchesFilters(c: AppConversation, f: ConversationFilters): boolean {
  const time = (iso: string) => Date.parse(iso);
  if (!f.include_sub_conversations && c.parent_conversation_id) return false;
  if (f.title__contains && !(c.title ?? '').includes(f.title__contains)) return false;
  if (f.created_at__gte && time(c.created_at) < time(f.created_at__gte)) return false;
  if (f.created_at__lt && time(c.created_at) >= time(f.created_at__lt)) return false;
  if (f.updated_at__gte && time(c.updated_at) < time(f.updated_at__gte)) return false;
  if (f.updated_at__lt && time(c.updated_at) >= time(f.updated_at__lt)) return false;
  if (f.sandbox_id__eq && c.sandbox_id !== f.sandbox_id__eq) return false;
  if (f.selected_repository && c.selected_repository !== f.selected_repository) return false;
  if (f.trigger && c.trigger !== f.trigger) return false;
  return true;
}
