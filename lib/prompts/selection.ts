import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-input';
import { cutMiddle } from '@/lib/prompts/trim';

/**
 * What the agent should do with the selected text. Each instruction comes in two wordings: one for a
 * conversation on a repository, one for a conversation without any, which must not mention "this repository".
 */
export const COMPOSE_ACTIONS = [
  {
    id: 'fix',
    label: 'Fix the problem described',
    instruction: {
      repository:
        'Fix the problem described in the text below. Find the cause in this repository, make the change, and add or update tests where that makes sense.',
      none: 'Fix the problem described in the text below. Find the cause, make the change, and add or update tests where that makes sense.',
    },
  },
  {
    id: 'investigate',
    label: 'Investigate and report',
    instruction: {
      repository:
        'Investigate the problem described in the text below and report what you find: the likely cause, where it is in this repository, and how it could be fixed. Do not change any code yet.',
      none: 'Investigate the problem described in the text below and report what you find: the likely cause and how it could be fixed. Do not change any code yet.',
    },
  },
  {
    id: 'explain',
    label: 'Explain',
    instruction: {
      repository:
        'Explain the text below in the context of this repository: what it means, which code it relates to, and anything worth knowing. Do not change any code.',
      none: 'Explain the text below: what it means, what it relates to, and anything worth knowing. Do not change any code.',
    },
  },
  { id: 'as-is', label: 'Use the text as the prompt as is', instruction: null },
] as const;
export type ComposeAction = (typeof COMPOSE_ACTIONS)[number]['id'];

export const DEFAULT_ACTION: ComposeAction = 'fix';

export function isComposeAction(value: string): value is ComposeAction {
  return COMPOSE_ACTIONS.some((action) => action.id === value);
}

/** A fence longer than any run of backticks in `text`, so the quote can't end early. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** What the message is built from: the action, the text and its page, and whether there is a repository. */
export interface MessageParts {
  action: ComposeAction;
  text: string;
  url: string;
  /** Whether the conversation starts on a repository; the instruction's wording depends on it. */
  withRepository: boolean;
}

/** The message for `text` (already trimmed) from `url`, quoted in `fence`. */
function render(parts: MessageParts, text: string, url: string, fence: string): string {
  const source = url ? `Source: ${url}` : '';
  const spec = COMPOSE_ACTIONS.find((a) => a.id === parts.action) ?? COMPOSE_ACTIONS[0];
  if (!spec.instruction) return [text, source].filter(Boolean).join('\n\n');
  const instruction = parts.withRepository ? spec.instruction.repository : spec.instruction.none;
  return [instruction, source, `${fence}\n${text}\n${fence}`].filter(Boolean).join('\n\n');
}

/**
 * The message sent to OpenHands: the action's instruction, the source URL and the text, quoted with its
 * line breaks intact. Text that would push the message past MAX_MESSAGE_CHARS is cut in the middle;
 * `cut` says how many characters, so the page can say so before sending.
 */
export function buildMessage(parts: MessageParts, max = MAX_MESSAGE_CHARS): { message: string; cut: number } {
  const trimmedText = parts.text.trim();
  const trimmedUrl = parts.url.trim();
  const fence = fenceFor(trimmedText);
  // Everything but the text, measured with a one-character stand-in so separators count.
  const frame = render(parts, 'x', trimmedUrl, fence).length - 1;
  const fitted = cutMiddle(trimmedText, max - frame);
  return { message: render(parts, fitted.text, trimmedUrl, fence), cut: fitted.cut };
}

/** A short title for the popup's list: the text's first non-empty line. */
export function titleFromText(text: string, max = 80): string | undefined {
  const line = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find(Boolean);
  if (!line) return undefined;
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
