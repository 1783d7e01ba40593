import type { InitSessionRequest } from '@/lib/api/schemas-v0';
import type { AppConversationStartRequest } from '@/lib/api/schemas-v1';
import type { StartInput } from '@/lib/start-input';

/**
 * `StartInput` → V1 `AppConversationStartRequest-Input`. Optional fields are left out rather than sent as
 * null, so the server applies its own defaults (e.g. an auto-generated title).
 */
export function toStartRequestV1(input: StartInput): AppConversationStartRequest {
  return {
    initial_message: { role: 'user', content: [{ type: 'text', text: input.message }], run: true },
    selected_repository: input.repository,
    git_provider: 'github',
    ...(input.branch ? { selected_branch: input.branch } : {}),
    ...(input.prNumber ? { pr_number: [input.prNumber] } : {}),
    ...(input.title ? { title: input.title } : {}),
    // V1 doesn't set this for API-key callers; without it our conversations look like web-UI ones.
    trigger: 'openhands_api',
  };
}

/**
 * `StartInput` → V0 `InitSessionRequest`. V0 has no PR or title field (and rejects unknown keys), so the PR
 * number goes into the message unless the message already names it; the title is left to the server.
 */
export function toStartRequestV0(input: StartInput): InitSessionRequest {
  const mentionsPr = input.prNumber !== undefined && new RegExp(`#${input.prNumber}\\b`).test(input.message);
  const prNote =
    input.prNumber !== undefined && !mentionsPr
      ? `\n\nThis is about pull request #${input.prNumber} in ${input.repository}.`
      : '';
  return {
    repository: input.repository,
    git_provider: 'github',
    ...(input.branch ? { selected_branch: input.branch } : {}),
    initial_user_msg: `${input.message}${prNote}`,
  };
}
