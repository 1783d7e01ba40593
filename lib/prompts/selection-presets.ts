/*
 * The compose window's actions: what the agent should do with the selected text. Each instruction comes in two
 * wordings: one for a conversation on a repository, one for a conversation without any, which must not mention
 * "this repository". `as-is` sends the text itself. The labels are the user's language (read when shown); the
 * instructions are the agent's task, in English.
 */
import { t } from '@/lib/i18n';

export const COMPOSE_ACTIONS = [
  {
    id: 'fix',
    get label() {
      return t('presets.compose.fix');
    },
    instruction: {
      repository:
        'Fix the problem described in the text below. Find the cause in this repository, make the change, and add or update tests where that makes sense.',
      none: 'Fix the problem described in the text below. Find the cause, make the change, and add or update tests where that makes sense.',
    },
  },
  {
    id: 'investigate',
    get label() {
      return t('presets.compose.investigate');
    },
    instruction: {
      repository:
        'Investigate the problem described in the text below and report what you find: the likely cause, where it is in this repository, and how it could be fixed. Do not change any code yet.',
      none: 'Investigate the problem described in the text below and report what you find: the likely cause and how it could be fixed. Do not change any code yet.',
    },
  },
  {
    id: 'explain',
    get label() {
      return t('presets.compose.explain');
    },
    instruction: {
      repository:
        'Explain the text below in the context of this repository: what it means, which code it relates to, and anything worth knowing. Do not change any code.',
      none: 'Explain the text below: what it means, what it relates to, and anything worth knowing. Do not change any code.',
    },
  },
  {
    id: 'as-is',
    get label() {
      return t('presets.compose.asIs');
    },
    instruction: null,
  },
] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number]['id'];

/** What the form starts with; first in its list. */
export const DEFAULT_ACTION: ComposeAction = 'fix';

export function isComposeAction(value: string): value is ComposeAction {
  return COMPOSE_ACTIONS.some((action) => action.id === value);
}
