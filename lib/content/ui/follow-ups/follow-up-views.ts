import type { ProgressView } from '@/lib/content/ui/start/progress';
import { recordUrl } from '@/lib/conversations/record-url';
import { stateLabel } from '@/lib/conversations/state';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import { SEND_NEW_REVIEW_COMMENTS } from '@/lib/prompts/review-comments-message';
import type { FollowUpReply } from '@/lib/protocol/checks';

/** What the toast shows for follow-ups sent without the editor, and after the editor closed. Pure. */

/** A stage of the delivery, e.g. "Resuming the sandbox…". */
export function followUpWorkingView(stage: string, subject?: string): ProgressView {
  return {
    tone: 'working',
    heading: t('ui.followUps.sending'),
    status: t('ui.progress.ongoing', { stage }),
    ...(subject && { subject }),
  };
}

/** Delivered (`sent`, the agent is running again) or queued until the conversation has started. */
export function followUpDoneView(result: Extract<FollowUpReply, { kind: 'sent' | 'queued' }>): ProgressView {
  const { record } = result;
  return {
    tone: 'done',
    heading: result.kind === 'sent' ? t('ui.followUps.sent') : t('ui.followUps.queued'),
    status: result.kind === 'sent' ? stateLabel(record.state) : t('ui.followUps.queuedStatus'),
    subject: record.title,
    href: recordUrl(record),
  };
}

/**
 * Nothing was sent, and the user reads why; or it may have been (`delivery_unconfirmed`), and the toast links
 * the conversation to check.
 */
export function followUpErrorView(message: string | MessageError): ProgressView {
  if (typeof message !== 'string' && message.code === 'delivery_unconfirmed') {
    return {
      tone: 'error',
      heading: t('ui.followUps.maybeSent'),
      status: message.message,
      ...(message.url && { href: message.url }),
    };
  }
  return {
    tone: 'error',
    heading: t('ui.followUps.couldNotSend'),
    status: typeof message === 'string' ? message : message.message,
  };
}

/** "Send new review comments" found nothing that was not sent before. */
export function noNewReviewCommentsView(): ProgressView {
  return {
    tone: 'info',
    heading: SEND_NEW_REVIEW_COMMENTS.empty,
    status: t('ui.followUps.allSent'),
  };
}
