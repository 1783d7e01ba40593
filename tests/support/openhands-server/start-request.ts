import { normalizeId } from './ids.ts';
import { loadSpec } from './spec-files.ts';
import type { StartRequestEcho } from './types.ts';

/**
 * Builds `AppConversationStartRequest-Output`, the request as the server echoes it in a start task:
 * pydantic serialises every field, so absent ones come back with their default, or null.
 */

type Schema = Record<string, unknown>;

export function echoStartRequest(input: Record<string, unknown>): StartRequestEcho {
  const schemas = loadSpec('cloud').components.schemas;
  const output = schemas['AppConversationStartRequest-Output'] as { properties: Record<string, Schema> };
  const echo: StartRequestEcho = {};
  for (const [name, prop] of Object.entries(output.properties)) {
    if (name in input) echo[name] = input[name];
    else if ('default' in prop) echo[name] = structuredClone(prop.default);
    else if (isNullable(prop)) echo[name] = null;
    // Non-null fields without a declared default (pr_number) use pydantic default factories.
    else if (prop.type === 'array') echo[name] = [];
    else if (prop.type === 'object') echo[name] = {};
  }
  // UUID fields are re-serialised as 32 hex digits; secrets as pydantic's SecretStr mask.
  for (const key of ['conversation_id', 'parent_conversation_id']) {
    if (typeof echo[key] === 'string') echo[key] = normalizeId(echo[key] as string);
  }
  if (isRecord(echo.secrets)) {
    echo.secrets = Object.fromEntries(Object.keys(echo.secrets).map((k) => [k, '**********']));
  }
  if (isRecord(echo.initial_message)) echo.initial_message = echoMessage(echo.initial_message);
  return echo;
}

/** SendMessageRequest with its defaults (role 'user', run false; content items' type and cache_prompt). */
function echoMessage(message: Record<string, unknown>): Record<string, unknown> {
  const content = Array.isArray(message.content) ? message.content : [];
  return {
    role: 'user',
    run: false,
    ...message,
    content: content.map((item: Record<string, unknown>) => ({
      type: 'image_urls' in item ? 'image' : 'text',
      cache_prompt: false,
      ...item,
    })),
  };
}

function isNullable(schema: Schema): boolean {
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  return schema.type === 'null' || (union?.some(isNullable) ?? false);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
