import type { PageKind } from '@/lib/forges/forge';
import type { IssueContext, PageContext, PullContext } from '@/lib/forges/page-data';
import { ISSUE_PRESETS, type IssuePresetId } from '@/lib/prompts/issue-presets';
import { type PagePreset, pageMessage } from '@/lib/prompts/page-message';
import { PULL_PRESETS, type PullPresetId } from '@/lib/prompts/pull-presets';

/*
 * The presets of issue and PR pages, and the messages they send. Plain TS (no zod): the GitHub content script
 * builds its menu and its messages from this module. zod schemas for the ids, for tests, are in
 * tests/support/presets-schema.ts.
 */

export type { IssuePresetId, PullPresetId };
export type PresetId = IssuePresetId | PullPresetId;
export type Preset = PagePreset<IssueContext, IssuePresetId> | PagePreset<PullContext, PullPresetId>;

/** The caret menu's entries for an issue or a PR page, default first. */
export function presetsFor(kind: PageKind): readonly [Preset, ...Preset[]] {
  return kind === 'issue' ? ISSUE_PRESETS : PULL_PRESETS;
}

/** What a plain click on the button sends. */
export function defaultPreset(kind: PageKind): Preset {
  return presetsFor(kind)[0];
}

/** `id` when it belongs to `kind`'s menu, else the default (e.g. a stored issue preset on a PR page). */
export function resolvePresetId(kind: PageKind, id: string | undefined): PresetId {
  return presetsFor(kind).find((preset) => preset.id === id)?.id ?? defaultPreset(kind).id;
}

/** The preset of `presets` with `id`, else the first (the default). */
function find<Presets extends readonly [{ id: string }, ...{ id: string }[]]>(
  presets: Presets,
  id: string,
): Presets[number] {
  return presets.find((preset) => preset.id === id) ?? presets[0];
}

/**
 * The message preset `presetId` sends from the page of `context`. `custom`, and a preset that doesn't belong
 * to the page's kind, give the default preset's message (the user then edits it).
 */
export function buildMessage(context: PageContext, presetId: string): string {
  const template =
    context.kind === 'issue'
      ? find(ISSUE_PRESETS, presetId).template(context)
      : find(PULL_PRESETS, presetId).template(context);
  return pageMessage(context, template);
}
