import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-rules';
import { fenceFor } from '@/lib/prompts/quote';
import { COMPOSE_ACTIONS, type ComposeAction } from '@/lib/prompts/selection-presets';
import { cutMiddle, shorten } from '@/lib/prompts/trim';

/* The message the compose window sends: a compose action applied to a selection. */

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
  return line ? shorten(line, max) : undefined;
}
