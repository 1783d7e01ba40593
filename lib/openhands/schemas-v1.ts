import { z } from 'zod';
import { batchOf, eachOf, openEnum, pullNumbersField, shown } from '@/lib/openhands/schema-helpers';

/*
 * Hand-written mirrors of components in `openhands-cloud.json` (V1). Request schemas are strict, so the client
 * never sends a key the server doesn't know. Response schemas are lenient: unknown fields pass through
 * (`.loose()`), fields the extension doesn't rely on are optional, and extensible enums accept unknown strings.
 */

/** `ProviderType` */
export const PROVIDER_TYPES = [
  'github',
  'gitlab',
  'bitbucket',
  'bitbucket_data_center',
  'forgejo',
  'azure_devops',
  'enterprise_sso',
] as const;
export const providerTypeSchema = z.enum(PROVIDER_TYPES);

/** `ConversationTrigger` */
export const CONVERSATION_TRIGGERS = [
  'resolver',
  'gui',
  'suggested_task',
  'openhands_api',
  'slack',
  'microagent_management',
  'jira',
  'jira_dc',
  'linear',
  'bitbucket',
  'automation',
] as const;
export const conversationTriggerSchema = z.enum(CONVERSATION_TRIGGERS);

/** `AgentType` */
export const agentTypeSchema = z.enum(['default', 'plan']);

/** `AppMode` */
export const APP_MODES = ['oss', 'saas'] as const;
export const appModeSchema = z.enum(APP_MODES);
export type AppMode = z.infer<typeof appModeSchema>;

/** `AppConversationStartTaskStatus`, in the order a start goes through them. */
export const START_TASK_STATUSES = [
  'WORKING',
  'WAITING_FOR_SANDBOX',
  'PREPARING_REPOSITORY',
  'RUNNING_SETUP_SCRIPT',
  'SETTING_UP_GIT_HOOKS',
  'SETTING_UP_SKILLS',
  'STARTING_CONVERSATION',
  'READY',
  'ERROR',
] as const;
export const startTaskStatusSchema = z.enum(START_TASK_STATUSES);
export type StartTaskStatus = z.infer<typeof startTaskStatusSchema>;

/** `SandboxStatus` */
export const SANDBOX_STATUSES = ['STARTING', 'RUNNING', 'PAUSED', 'ERROR', 'MISSING'] as const;
export const sandboxStatusSchema = z.enum(SANDBOX_STATUSES);
export type SandboxStatus = z.infer<typeof sandboxStatusSchema>;

/** `ConversationExecutionStatus` */
export const EXECUTION_STATUSES = [
  'idle',
  'running',
  'paused',
  'waiting_for_confirmation',
  'finished',
  'error',
  'stuck',
  'deleting',
] as const;
export const executionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;

/** `TextContent` (the spec sets `additionalProperties: false`) */
export const textContentSchema = z.strictObject({
  type: z.literal('text'),
  text: z.string(),
  cache_prompt: z.boolean().optional(),
});

/** `SendMessageRequest`; the extension sends text only, so `ImageContent` is left out. */
export const sendMessageRequestSchema = z.strictObject({
  role: z.enum(['user', 'system', 'assistant', 'tool']).optional(),
  content: z.array(textContentSchema),
  run: z.boolean().optional(),
});

/** `AppSendMessageRequest`: a follow-up; the server takes only `user` messages. */
export const appSendMessageRequestSchema = z.strictObject({
  role: z.literal('user'),
  content: z.array(textContentSchema).min(1),
  run: z.boolean(),
});
export type AppSendMessageRequest = z.infer<typeof appSendMessageRequestSchema>;

/**
 * The body `POST /api/v1/conversations/{id}/pending-messages` reads. The spec declares none: the handler reads
 * the raw JSON and wants a non-empty `content` list and a `role`.
 */
export const pendingMessageRequestSchema = z.strictObject({
  role: z.literal('user'),
  content: z.array(textContentSchema).min(1),
});
export type PendingMessageRequest = z.infer<typeof pendingMessageRequestSchema>;

/**
 * `AppConversationStartRequest-Input`. Mirrors the fields the extension may send; `processors`, `plugins`,
 * `secrets`, `suggested_task` and `observability_*` are left out on purpose.
 */
export const appConversationStartRequestSchema = z.strictObject({
  initial_message: sendMessageRequestSchema.nullish(),
  selected_repository: z.string().nullish(),
  selected_branch: z.string().nullish(),
  git_provider: providerTypeSchema.nullish(),
  title: z.string().nullish(),
  trigger: conversationTriggerSchema.nullish(),
  pr_number: z.array(z.number().int()).optional(),
  system_message_suffix: z.string().nullish(),
  agent_type: agentTypeSchema.optional(),
  llm_model: z.string().nullish(),
  agent_profile_id: z.string().nullish(),
  sandbox_id: z.string().nullish(),
  conversation_id: z.string().nullish(),
  parent_conversation_id: z.string().nullish(),
  public: z.boolean().nullish(),
});
export type AppConversationStartRequest = z.infer<typeof appConversationStartRequestSchema>;

/** `AppConversationStartTask` */
export const appConversationStartTaskSchema = z
  .object({
    id: z.string(),
    created_by_user_id: shown(z.string().nullable()),
    status: openEnum(START_TASK_STATUSES).default('WORKING'),
    /** The error text when `status` is `ERROR`. */
    detail: shown(z.string().nullable()),
    /** Filled in at `READY`. */
    app_conversation_id: shown(z.string().nullable()),
    sandbox_id: shown(z.string().nullable()),
    agent_server_url: shown(z.string().nullable()),
    /** `AppConversationStartRequest-Output`: an echo of the request; what finds a start whose answer was lost. */
    request: shown(
      z
        .object({ title: shown(z.string().nullable()), selected_repository: shown(z.string().nullable()) })
        .loose()
        .nullable(),
    ),
    created_at: shown(z.string()),
    updated_at: shown(z.string()),
  })
  .loose();
export type AppConversationStartTask = z.infer<typeof appConversationStartTaskSchema>;

/**
 * Response of `GET /api/v1/app-conversations/start-tasks`: `null` for an unknown id, `undefined` for an entry
 * that does not parse (`batchOf`).
 */
export const startTaskBatchSchema = batchOf(appConversationStartTaskSchema);

/** `AppConversationStartTaskSortOrder` */
export const START_TASK_SORT_ORDERS = [
  'CREATED_AT',
  'CREATED_AT_DESC',
  'UPDATED_AT',
  'UPDATED_AT_DESC',
] as const;
export type StartTaskSortOrder = (typeof START_TASK_SORT_ORDERS)[number];

/** `AppConversationStartTaskPage`: response of `GET /api/v1/app-conversations/start-tasks/search`. */
export const appConversationStartTaskPageSchema = z
  .object({
    items: eachOf(appConversationStartTaskSchema),
    next_page_id: z.string().nullish(),
  })
  .loose();
export type AppConversationStartTaskPage = z.infer<typeof appConversationStartTaskPageSchema>;

/** `AppConversation` */
export const appConversationSchema = z
  .object({
    id: z.string(),
    created_by_user_id: shown(z.string().nullable()),
    sandbox_id: shown(z.string().nullable()),
    selected_repository: shown(z.string().nullable()),
    selected_branch: shown(z.string().nullable()),
    git_provider: shown(openEnum(PROVIDER_TYPES).nullable()),
    /** May be null; the UI renders a fallback. */
    title: shown(z.string().nullable()),
    trigger: shown(openEnum(CONVERSATION_TRIGGERS).nullable()),
    /** Repaired, never trusted: see `pullNumbersField`. */
    pr_number: pullNumbersField,
    llm_model: shown(z.string().nullable()),
    agent_kind: shown(z.string()),
    metrics: shown(z.object({}).loose().nullable()),
    parent_conversation_id: shown(z.string().nullable()),
    sub_conversation_ids: shown(z.array(z.string())),
    public: shown(z.boolean().nullable()),
    tags: shown(z.record(z.string(), z.string())),
    created_at: shown(z.string()),
    updated_at: shown(z.string()),
    sandbox_status: openEnum(SANDBOX_STATUSES).default('MISSING'),
    /** Null unless the sandbox is `RUNNING`. */
    execution_status: shown(openEnum(EXECUTION_STATUSES).nullable()),
    /** The agent server's REST URL, not a web page: build links with `conversationUrl`. */
    conversation_url: shown(z.string().nullable()),
    acp_server: shown(z.string().nullable()),
    launched_agent_profile: shown(z.object({}).loose().nullable()),
  })
  .loose()
  // `session_api_key` grants direct agent-server access; the extension never needs it, and parsed
  // conversations may travel to the popup, so it is dropped here.
  .transform(({ session_api_key: _secret, ...rest }) => rest);
export type AppConversation = z.infer<typeof appConversationSchema>;

/**
 * Response of `GET /api/v1/app-conversations?ids=`: `null` for an unknown id, `undefined` for an entry that
 * does not parse (`batchOf`).
 */
export const appConversationBatchSchema = batchOf(appConversationSchema);

/** `AppConversationPage` */
export const appConversationPageSchema = z
  .object({
    items: eachOf(appConversationSchema),
    next_page_id: z.string().nullish(),
  })
  .loose();
export type AppConversationPage = z.infer<typeof appConversationPageSchema>;

/** `AppSendMessageResponse` */
export const appSendMessageResponseSchema = z
  .object({
    success: z.boolean(),
    /** The sandbox's status after the call. */
    sandbox_status: openEnum(SANDBOX_STATUSES),
    message: z.string().nullish(),
  })
  .loose();
export type AppSendMessageResponse = z.infer<typeof appSendMessageResponseSchema>;

/** `Success`: what resuming or pausing a sandbox answers. */
export const successSchema = z.object({ success: z.boolean().default(true) }).loose();

/** `PendingMessageResponse` (HTTP 201) */
export const pendingMessageResponseSchema = z
  .object({
    id: z.string(),
    queued: z.boolean(),
    /** 1-based place in the conversation's queue. */
    position: z.number().int(),
  })
  .loose();
export type PendingMessageResponse = z.infer<typeof pendingMessageResponseSchema>;

/** `WebClientConfig`; `app_mode` is required because it is what identifies an OpenHands V1 server. */
export const webClientConfigSchema = z
  .object({
    app_mode: openEnum(APP_MODES),
    /** `WebClientFeatureFlags` */
    feature_flags: z.object({ deployment_mode: z.string().nullish() }).loose().optional(),
    providers_configured: z.array(z.string()).optional(),
    maintenance_start_time: z.string().nullish(),
    error_message: z.string().nullish(),
    auth_url: z.string().nullish(),
    github_app_slug: z.string().nullish(),
    updated_at: z.string().optional(),
  })
  .loose();
export type WebClientConfig = z.infer<typeof webClientConfigSchema>;

/** `CurrentApiKeyResponse` */
export const currentApiKeyResponseSchema = z
  .object({
    id: z.number().int(),
    name: z.string().nullish(),
    // Required: the options page shows which organization the key acts for.
    org_id: z.string(),
    /** Null for keys not bound to an organization. */
    bound_org_id: z.string().nullish(),
    user_id: z.string().optional(),
    auth_type: z.string().optional(),
  })
  .loose();
export type CurrentApiKeyResponse = z.infer<typeof currentApiKeyResponseSchema>;
