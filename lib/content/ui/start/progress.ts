import { retryingText } from '@/lib/content/ui/status/item-words';
import { recordUrl } from '@/lib/conversations/record-url';
import { startStageLabel, stateLabel } from '@/lib/conversations/state';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import type { RecordSummary } from '@/lib/protocol/checks';

/** What the progress toast shows; built by pure functions so each state is unit-tested. */
export type ProgressView = {
  /** `info`: nothing was sent, and the toast says why. */
  tone: 'working' | 'done' | 'error' | 'info';
  /** Bold first line. */
  heading: string;
  /** The stage, the state or the error message. */
  status: string;
  /** What was sent, e.g. `#42: Fix crash on startup`. */
  subject?: string;
  /** Target of the "Open conversation" link. */
  href?: string;
  /** Offer "Open extension options" (missing or rejected API key). */
  openOptions?: boolean;
  /** Offer "Open OpenHands", whose home page lists the conversations (too many running: stop one there). */
  conversationsHref?: string;
};

/** Right after the click, before the background answers. */
export function sendingView(subject: string): ProgressView {
  return { tone: 'working', heading: t('ui.progress.heading'), status: t('ui.progress.sending'), subject };
}

/** The record as the background last reported it. */
export function recordView(record: RecordSummary): ProgressView {
  const common = { subject: record.title, href: recordUrl(record) };
  if (record.state === 'starting') {
    // A V0 start has no stage: the first one's words ("Starting")
    const stage = startStageLabel(record.startStatus ?? 'WORKING');
    const trouble = retryingText(record);
    return {
      tone: 'working',
      heading: t('ui.progress.heading'),
      status: trouble ? `${stage} · ${trouble}` : t('ui.progress.ongoing', { stage }),
      ...common,
    };
  }
  if (record.state === 'error') {
    const status = record.detail || t('ui.progress.failedNoDetail');
    return { tone: 'error', heading: t('ui.progress.failed'), status, ...common };
  }
  return {
    tone: 'done',
    heading: t('ui.progress.started'),
    status: stateLabel(record.state),
    ...common,
  };
}

/** The background refused or failed the start: its user-facing text, and the options link when it helps. */
export function errorView(error: MessageError, subject?: string): ProgressView {
  return {
    tone: 'error',
    heading:
      error.code === 'start_unconfirmed' ? t('ui.progress.mayHaveStarted') : t('ui.progress.couldNotStart'),
    status: error.message,
    ...(subject && { subject }),
    ...(error.action === 'options' && { openOptions: true }),
    ...(error.action === 'conversations' && error.url && { conversationsHref: error.url }),
  };
}

/** Polling stopped before the start finished (background unreachable, or it took too long). */
export function stoppedFollowingView(record: RecordSummary, reason: string): ProgressView {
  return {
    tone: 'done',
    heading: t('ui.progress.stillStarting'),
    status: reason,
    subject: record.title,
    href: recordUrl(record),
  };
}

/** The keyboard command on a GitHub page that is not an issue or pull request. */
export function nothingToSendView(): ProgressView {
  return {
    tone: 'info',
    heading: t('ui.progress.nothingToSend'),
    status: t('ui.progress.openItem'),
  };
}
