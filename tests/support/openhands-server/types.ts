/** Shapes shared by the OpenHands test server's files. Field names follow the OpenAPI schemas. */

export type ServerMode = 'cloud' | 'oss' | 'v0';

export interface ServerOptions {
  /** cloud: V1 + /api/keys/current, Bearer auth. oss: V1, X-Session-API-Key auth. v0: legacy /api/conversations only. */
  mode: ServerMode;
  /** The key the server accepts. null: no auth (oss/v0); in cloud mode any non-empty key is then accepted. */
  apiKey: string | null;
  /** Start-task statuses advanced per poll of `GET /start-tasks` (0 keeps tasks pending forever). */
  stepsPerPoll: number;
  finalStartStatus: 'READY' | 'ERROR';
  /** The start task's `detail` when `finalStartStatus` is ERROR. */
  errorDetail?: string;
  /** Artificial latency before every response, in milliseconds. */
  delayMs: number;
  /**
   * Status reads (`GET /app-conversations?ids=`, `GET /sandboxes?id=`) a sandbox reports STARTING after it
   * was resumed (or set to STARTING) before it reports RUNNING. `Infinity` keeps it starting.
   */
  sandboxStartReads: number;
}

export type FailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'concurrency_limit'
  | 'validation'
  | 'server_error'
  | 'server_error_html'
  | 'timeout'
  | 'timeout_after_handling'
  | 'malformed'
  | 'not_json'
  | 'disconnect'
  | 'service_unavailable';

export interface FailureSpec {
  kind: FailureKind;
  /** Only requests whose path starts with this prefix (e.g. '/api/v1/app-conversations') fail. */
  path?: string;
  /** Only requests with this HTTP method fail (case-insensitive). */
  method?: string;
  /** Seconds for the Retry-After header of `rate_limited` (default 7). */
  retryAfter?: number;
}

export type Failure = FailureKind | FailureSpec;

/** One FastAPI/pydantic validation error, as found in `{"detail": [...]}` of a 422. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/api/v1/app-conversations'. */
  path: string;
  /** The parsed query string; use `.get()`, `.getAll()` (repeated keys such as `ids` keep every value). */
  query: URLSearchParams;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /** The body parsed as JSON, or undefined when absent or not JSON (see rawBody). */
  body: unknown;
  rawBody: string;
  /** False when the request broke the OpenAPI contract (body, query or content type). */
  valid: boolean;
  /** Human-readable contract violations, e.g. 'body.selected_repository: Input should be a valid string'. */
  validationErrors: string[];
  /** The OpenAPI path template the request matched, e.g. '/api/v1/app-conversations/search'; null if none. */
  operation: string | null;
  /** The failure injected into this request by failNext, if any. */
  failure: FailureKind | null;
  /** Status sent back; undefined while pending, for `timeout`, `timeout_after_handling` and `disconnect`. */
  status?: number;
  /** The JSON body sent back (undefined for non-JSON answers). */
  responseBody?: unknown;
  /** Where the server's own answer breaks the response schema in the spec (should always be empty). */
  responseErrors: string[];
}

export type AppConversationStartTaskStatus =
  | 'WORKING'
  | 'WAITING_FOR_SANDBOX'
  | 'PREPARING_REPOSITORY'
  | 'RUNNING_SETUP_SCRIPT'
  | 'SETTING_UP_GIT_HOOKS'
  | 'SETTING_UP_SKILLS'
  | 'STARTING_CONVERSATION'
  | 'READY'
  | 'ERROR';

export type SandboxStatus = 'STARTING' | 'RUNNING' | 'PAUSED' | 'ERROR' | 'MISSING';

export type ConversationExecutionStatus =
  | 'idle'
  | 'running'
  | 'paused'
  | 'waiting_for_confirmation'
  | 'finished'
  | 'error'
  | 'stuck'
  | 'deleting';

/** `AppConversationStartRequest-Output`: the request echoed in a start task, defaults filled in. */
export type StartRequestEcho = Record<string, unknown>;

export interface AppConversationStartTask {
  id: string;
  created_by_user_id: string | null;
  status: AppConversationStartTaskStatus;
  detail: string | null;
  app_conversation_id: string | null;
  sandbox_id: string | null;
  agent_server_url: string | null;
  request: StartRequestEcho;
  created_at: string;
  updated_at: string;
}

export interface AppConversation {
  id: string;
  created_by_user_id: string | null;
  sandbox_id: string;
  selected_repository: string | null;
  selected_branch: string | null;
  git_provider: string | null;
  title: string | null;
  trigger: string | null;
  pr_number: number[];
  llm_model: string | null;
  agent_kind: string;
  metrics: null;
  parent_conversation_id: string | null;
  sub_conversation_ids: string[];
  public: boolean | null;
  tags: Record<string, string>;
  created_at: string;
  updated_at: string;
  sandbox_status: SandboxStatus;
  execution_status: ConversationExecutionStatus | null;
  conversation_url: string | null;
  session_api_key: string | null;
  acp_server: string | null;
  launched_agent_profile: null;
}

/** V0 `ConversationInfo` (V0_openapi.json), a projection of the same stored conversations. */
export interface V0ConversationInfo {
  conversation_id: string;
  title: string;
  last_updated_at: string | null;
  status: 'STARTING' | 'RUNNING' | 'STOPPED';
  runtime_status: string | null;
  selected_repository: string | null;
  selected_branch: string | null;
  git_provider: string | null;
  trigger: string | null;
  num_connections: number;
  url: string | null;
  session_api_key: string | null;
  created_at: string;
  pr_number: number[];
}

export interface SeedOptions {
  /** `selected_repository` of every seeded conversation (default 'octo-org/octo-repo'). */
  repository?: string | null;
  branch?: string | null;
  /** Titles are `${titlePrefix} ${i + 1}`, 1 being the oldest (default 'Seeded conversation'). */
  titlePrefix?: string;
  sandbox_status?: SandboxStatus;
  execution_status?: ConversationExecutionStatus | null;
  trigger?: string | null;
  pr_number?: number[];
}

export interface ConversationStatusPatch {
  /** STARTING counts down `sandboxStartReads` status reads to RUNNING, as after a resume. */
  sandbox_status?: SandboxStatus;
  execution_status?: ConversationExecutionStatus | null;
  pr_number?: number[];
}

/** `SandboxInfo` */
export interface SandboxInfo {
  id: string;
  created_by_user_id: string | null;
  sandbox_spec_id: string;
  status: SandboxStatus;
  session_api_key: string | null;
  exposed_urls: { name: string; url: string; port: number }[] | null;
  created_at: string;
  status_detail: string | null;
}

/** A message a conversation received, in the order received. */
export interface ReceivedMessage {
  role: string;
  content: unknown[];
  run: boolean;
  /** The text parts joined with newlines. */
  text: string;
  /** `send-message`, or the pending queue delivered when the start reached READY. */
  via: 'send-message' | 'pending-messages';
  at: string;
}

/** A message waiting in a pending queue (`POST /api/v1/conversations/{id}/pending-messages`). */
export interface PendingMessage {
  id: string;
  role: string;
  content: unknown[];
  text: string;
  queued_at: string;
}
