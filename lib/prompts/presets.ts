import { z } from 'zod';
import type { PageKind } from '@/lib/github/page';

export const issuePresetIdSchema = z.enum(['solve', 'investigate', 'custom']);
export const pullPresetIdSchema = z.enum([
  'address-review',
  'fix-checks',
  'resolve-conflicts',
  'review',
  'custom',
]);
/** Any preset id, e.g. for validating a stored "last used" choice or a message from the page. */
export const presetIdSchema = z.union([issuePresetIdSchema, pullPresetIdSchema]);

/** Presets that have their own message (`custom` starts from the default one). */
export const issueTemplateIdSchema = issuePresetIdSchema.exclude(['custom']);
export const pullTemplateIdSchema = pullPresetIdSchema.exclude(['custom']);

/** What a plain click sends; first in each menu. */
export const DEFAULT_ISSUE_PRESET = 'solve' satisfies IssuePresetId;
export const DEFAULT_PULL_PRESET = 'address-review' satisfies PullPresetId;

export type IssuePresetId = z.infer<typeof issuePresetIdSchema>;
export type PullPresetId = z.infer<typeof pullPresetIdSchema>;
export type PresetId = z.infer<typeof presetIdSchema>;

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
