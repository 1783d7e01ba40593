import type { StartInput } from '@/lib/conversations/start-input';
import { github } from '@/lib/forges/github/forge';
import type { InitSessionRequest } from '@/lib/openhands/schemas-v0';
import type { AppConversationStartRequest } from '@/lib/openhands/schemas-v1';

/** The repository part of a start request; nothing at all for a conversation without a repository. */
function repositoryFields(input: StartInput) {
  if (!input.repository) return {};
  return {
    // Starts name GitHub repositories today (lib/conversations/start-rules.ts)
    git_provider: github.provider as 'github',
    ...(input.branch ? { selected_branch: input.branch } : {}),
  };
}

/**
 * `StartInput` → V1 `AppConversationStartRequest-Input`. Optional fields are left out rather than sent as
 * null, so the server applies its own defaults (e.g. an auto-generated title, or no repository).
 */
export function toStartRequestV1(input: StartInput): AppConversationStartRequest {
  return {
    initial_message: { role: 'user', content: [{ type: 'text', text: input.message }], run: true },
    ...(input.repository ? { selected_repository: input.repository } : {}),
    ...repositoryFields(input),
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
  const where = input.repository ? ` in ${input.repository}` : '';
  const prNote =
    input.prNumber !== undefined && !mentionsPr
      ? `\n\nThis is about pull request #${input.prNumber}${where}.`
      : '';
  return {
    ...(input.repository ? { repository: input.repository } : {}),
    ...repositoryFields(input),
    initial_user_msg: `${input.message}${prNote}`,
  };
}
