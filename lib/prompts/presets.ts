import type { PageKind } from '@/lib/github/page';

/*
 * Plain TS (no zod): the GitHub content script builds its menu from this module. zod schemas for these ids, for
 * validating stored or received values, are in presets-schema.ts.
 */

export const ISSUE_PRESET_IDS = ['solve', 'investigate', 'custom'] as const;
export const PULL_PRESET_IDS = [
  'address-review',
  'fix-checks',
  'resolve-conflicts',
  'review',
  'custom',
] as const;

export type IssuePresetId = (typeof ISSUE_PRESET_IDS)[number];
export type PullPresetId = (typeof PULL_PRESET_IDS)[number];
export type PresetId = IssuePresetId | PullPresetId;
/** Presets that have their own message (`custom` starts from the default one). */
export type IssueTemplateId = Exclude<IssuePresetId, 'custom'>;
export type PullTemplateId = Exclude<PullPresetId, 'custom'>;

/** What a plain click sends; first in each menu. */
export const DEFAULT_ISSUE_PRESET = 'solve' satisfies IssuePresetId;
export const DEFAULT_PULL_PRESET = 'address-review' satisfies PullPresetId;

/** A caret-menu entry. `custom` opens the editor pre-filled with the default preset's message. */
export type Preset<Id extends PresetId = PresetId> = { id: Id; label: string; description: string };

export const issuePresets: readonly Preset<IssuePresetId>[] = [
  { id: 'solve', label: 'Solve the issue', description: 'Fix it on a new branch and open a pull request.' },
  {
    id: 'investigate',
    label: 'Investigate and report',
    description: 'Find the cause and propose a fix, without changing code.',
  },
  { id: 'custom', label: 'Custom prompt…', description: 'Edit the message before sending.' },
];

export const pullPresets: readonly Preset<PullPresetId>[] = [
  {
    id: 'address-review',
    label: 'Address review comments',
    description: 'Make the requested changes and push them to the PR.',
  },
  { id: 'fix-checks', label: 'Fix failing checks', description: 'Read the CI logs, fix the failures, push.' },
  {
    id: 'resolve-conflicts',
    label: 'Resolve merge conflicts',
    description: 'Merge the base branch in and resolve the conflicts.',
  },
  { id: 'review', label: 'Review and explain', description: 'Summarise the changes and point out risks.' },
  { id: 'custom', label: 'Custom prompt…', description: 'Edit the message before sending.' },
];

/** The caret menu's entries for an issue or a PR page, default first. */
export function presetsFor(kind: PageKind): readonly Preset[] {
  return kind === 'issue' ? issuePresets : pullPresets;
}

/** What a plain click on the button sends. */
export function defaultPreset(kind: PageKind): Preset {
  const [first] = presetsFor(kind);
  if (!first) throw new Error(`No presets for ${kind}`);
  return first;
}

/** `id` when it belongs to `kind`'s menu, else the default (e.g. a stored issue preset on a PR page). */
export function resolvePresetId(kind: PageKind, id: string | undefined): PresetId {
  return presetsFor(kind).find((preset) => preset.id === id)?.id ?? defaultPreset(kind).id;
}
