import type { PageContext } from '@/lib/github/context';
import { issueTemplates, type Template } from '@/lib/prompts/issue-templates';
import { DEFAULT_ISSUE_PRESET, DEFAULT_PULL_PRESET, type PresetId } from '@/lib/prompts/presets';
import { pullTemplates } from '@/lib/prompts/pull-templates';
import { branchSection, descriptionSection, heading } from '@/lib/prompts/sections';

// `custom`, and ids of the other kind, start from the default preset's message (the user then edits it)
function templateFor(context: PageContext, presetId: PresetId | string): Template {
  if (context.kind === 'issue') {
    return issueTemplates[ownKey(issueTemplates, presetId) ?? DEFAULT_ISSUE_PRESET](context);
  }
  return pullTemplates[ownKey(pullTemplates, presetId) ?? DEFAULT_PULL_PRESET](context);
}

/** `key` when `table` has it as its own property (never `constructor`, `__proto__`…). */
function ownKey<K extends string>(table: Record<K, unknown>, key: string): K | undefined {
  return Object.hasOwn(table, key) ? (key as K) : undefined;
}

/**
 * The task message for a coding agent: what to do (per preset), the URL and title, which branch it is on and
 * where to push, and the page's description (trimmed, with a note). `custom`, and a preset that doesn't belong
 * to the page's kind, give the default preset's message.
 */
export function buildMessage(context: PageContext, presetId: PresetId | string): string {
  const { task, access, steps, note } = templateFor(context, presetId);
  const numbered = steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  return [
    heading(context, task),
    branchSection(context, access),
    `Your task:\n${numbered}${note ? `\n${note}` : ''}`,
    descriptionSection(context),
  ].join('\n\n');
}
