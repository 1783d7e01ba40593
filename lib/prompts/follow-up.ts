import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import type { StartInput } from '@/lib/conversations/start-input';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS } from '@/lib/conversations/start-rules';
import { cutMiddle, shorten } from '@/lib/prompts/trim';

/*
 * "Start a new conversation with this context": when a conversation was archived, its follow-up starts a new
 * one instead, whose first message points the agent at the old conversation. Plain TS: the background builds
 * it, and the GitHub page's UI may too.
 */

/** The new conversation's first message: the old conversation's web link, then the follow-up as typed. */
export function restartMessage(previousUrl: string, followUp: string, max = MAX_MESSAGE_CHARS): string {
  const intro = `This continues an earlier OpenHands conversation, which was archived: ${previousUrl}\nRead it for the context, then do what follows.\n\n`;
  // The follow-up may already be as long as a message can be: its middle makes room for the link.
  return `${intro}${cutMiddle(followUp.trim(), Math.max(0, max - intro.length)).text}`;
}

/** The start request for the new conversation: same repository, branch, PR and source as the old one. */
export function restartInput(
  previous: Pick<
    ConversationRecord,
    | 'serverUrl'
    | 'conversationId'
    | 'taskId'
    | 'id'
    | 'repository'
    | 'branch'
    | 'prNumber'
    | 'title'
    | 'source'
  >,
  followUp: string,
): StartInput {
  return {
    ...(previous.repository ? { repository: previous.repository } : {}),
    ...(previous.repository && previous.branch ? { branch: previous.branch } : {}),
    ...(previous.prNumber ? { prNumber: previous.prNumber } : {}),
    title: shorten(`Continued: ${previous.title}`, MAX_TITLE_CHARS),
    message: restartMessage(recordUrl(previous), followUp),
    source: previous.source,
  };
}
