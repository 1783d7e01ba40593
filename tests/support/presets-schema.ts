import { z } from 'zod';
import { ISSUE_PRESET_IDS, PULL_PRESET_IDS } from '@/lib/prompts/presets';

/** zod versions of the preset ids in presets.ts, for validating stored or received values. */
export const issuePresetIdSchema = z.enum(ISSUE_PRESET_IDS);
export const pullPresetIdSchema = z.enum(PULL_PRESET_IDS);
/** Any preset id, e.g. for validating a stored "last used" choice or a message from the page. */
export const presetIdSchema = z.union([issuePresetIdSchema, pullPresetIdSchema]);

/** Presets that have their own message (`custom` starts from the default one). */
export const issueTemplateIdSchema = issuePresetIdSchema.exclude(['custom']);
export const pullTemplateIdSchema = pullPresetIdSchema.exclude(['custom']);
