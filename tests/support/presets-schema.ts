import { z } from 'zod';
import { type IssuePresetId, type PullPresetId, presetsFor } from '@/lib/prompts/presets';

/** The ids of `kind`'s presets, as z.enum takes them. */
const idsOf = <Id extends string>(kind: 'issue' | 'pull') =>
  presetsFor(kind).map((preset) => preset.id) as [Id, ...Id[]];

/** zod versions of the preset ids in lib/prompts, for validating stored or received values. */
export const issuePresetIdSchema = z.enum(idsOf<IssuePresetId>('issue'));
export const pullPresetIdSchema = z.enum(idsOf<PullPresetId>('pull'));
/** Any preset id, e.g. for validating a stored "last used" choice or a message from the page. */
export const presetIdSchema = z.union([issuePresetIdSchema, pullPresetIdSchema]);

/** Presets that have their own message (`custom` starts from the default one). */
export const issueTemplateIdSchema = issuePresetIdSchema.exclude(['custom']);
export const pullTemplateIdSchema = pullPresetIdSchema.exclude(['custom']);
