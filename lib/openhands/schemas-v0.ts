import { z } from 'zod';
import { eachOf, openEnum, pullNumbersField, shown } from '@/lib/openhands/schema-helpers';

/*
 * Hand-written mirrors of components in the legacy `V0_openapi.json`, for self-hosted servers that predate V1.
 * Same rules as schemas-v1: strict requests, lenient responses.
 */

/** `ProviderType` (V0 0.53 values) */
export const providerTypeV0Schema = z.enum(['github', 'gitlab', 'bitbucket', 'enterprise_sso']);

/**
 * `ConversationStatus`. The 0.53 spec lists STARTING, RUNNING and STOPPED; later server code added ARCHIVED and
 * ERROR, so all five are handled.
 */
export const CONVERSATION_STATUSES_V0 = ['STARTING', 'RUNNING', 'STOPPED', 'ARCHIVED', 'ERROR'] as const;
export const conversationStatusV0Schema = z.enum(CONVERSATION_STATUSES_V0);
export type ConversationStatusV0 = z.infer<typeof conversationStatusV0Schema>;

/**
 * `InitSessionRequest`. The server forbids extra fields (`additionalProperties: false`), so this is strict.
 * `suggested_task`, `create_microagent`, `mcp_config` and `replay_json` are left out on purpose.
 */
export const initSessionRequestSchema = z.strictObject({
  repository: z.string().nullish(),
  git_provider: providerTypeV0Schema.nullish(),
  selected_branch: z.string().nullish(),
  initial_user_msg: z.string().nullish(),
  image_urls: z.array(z.string()).nullish(),
  conversation_instructions: z.string().nullish(),
  conversation_id: z.string().optional(),
});
export type InitSessionRequest = z.infer<typeof initSessionRequestSchema>;

/** `ConversationResponse`; `status` is `"ok"` on success. */
export const conversationResponseSchema = z
  .object({
    status: z.string(),
    conversation_id: z.string(),
    message: z.string().nullish(),
    conversation_status: openEnum(CONVERSATION_STATUSES_V0).nullish(),
  })
  .loose();
export type ConversationResponse = z.infer<typeof conversationResponseSchema>;

/** `ConversationInfo` (V0; not the Agent Server model of the same name in the V1 spec) */
export const conversationInfoSchema = z
  .object({
    conversation_id: z.string(),
    title: z.string().catch(''),
    last_updated_at: shown(z.string().nullable()),
    status: openEnum(CONVERSATION_STATUSES_V0).default('STOPPED'),
    /** `RuntimeStatus`, e.g. `STATUS$READY`; only informative. */
    runtime_status: shown(z.string().nullable()),
    selected_repository: shown(z.string().nullable()),
    selected_branch: shown(z.string().nullable()),
    git_provider: shown(z.string().nullable()),
    trigger: shown(z.string().nullable()),
    num_connections: shown(z.number().int()),
    /** The runtime URL, not the web page. */
    url: shown(z.string().nullable()),
    created_at: shown(z.string()),
    /** Repaired, never trusted: see `pullNumbersField`. */
    pr_number: pullNumbersField,
  })
  .loose()
  // Same reason as in schemas-v1: the session key grants runtime access and is never needed.
  .transform(({ session_api_key: _secret, ...rest }) => rest);
export type ConversationInfoV0 = z.infer<typeof conversationInfoSchema>;

/** `ConversationInfoResultSet`; `next_page_id` is opaque. */
export const conversationInfoResultSetSchema = z
  .object({
    results: eachOf(conversationInfoSchema).default([]),
    next_page_id: z.string().nullish(),
  })
  .loose();
export type ConversationInfoResultSet = z.infer<typeof conversationInfoResultSetSchema>;

/** Response of `GET /api/conversations/{id}`: `null` with HTTP 200 when not found. */
export const conversationInfoOrNullSchema = conversationInfoSchema.nullable();
