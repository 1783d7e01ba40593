import type {
  FollowUpEditor,
  FollowUpEditorRequest,
  FollowUpTarget,
  SendOutcome,
} from '@/lib/content/ui/follow-ups/follow-up-editor';
import { deliverFollowUp } from '@/lib/content/ui/follow-ups/follow-up-port';
import {
  followUpDoneView,
  followUpErrorView,
  followUpWorkingView,
  noNewReviewCommentsView,
} from '@/lib/content/ui/follow-ups/follow-up-views';
import type { MenuEntry } from '@/lib/content/ui/menu/menu';
import type { UiPage } from '@/lib/content/ui/page';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import type { SendFlow, SendFlowDeps } from '@/lib/content/ui/start/send-flow';
import { followUpStageLabel, MAX_REVIEW_ITEMS, restartLabel } from '@/lib/conversations/follow-up';
import type { ItemConversation } from '@/lib/conversations/item';
import { type ConversationState, stateLabel } from '@/lib/conversations/state';
import { errorMessage } from '@/lib/errors/messages';
import { newSince, type PullContext, type ReviewThread } from '@/lib/forges/page-data';
import { t } from '@/lib/i18n';
import { buildStartInput } from '@/lib/prompts/request';
import { SEND_NEW_REVIEW_COMMENTS } from '@/lib/prompts/review-comments-message';
import { ASK_ABOUT_THREAD } from '@/lib/prompts/review-thread-message';
import type { FollowUpReply } from '@/lib/protocol/checks';
import type { PagePort } from '@/lib/protocol/watch';

/*
 * Follow-ups from the GitHub page (issue 13): "Continue the conversation…" and "Send new review comments" in
 * the caret menu, and what a review thread's "Ask OpenHands" button opens. The item's conversations come
 * from the item port (status/item-watch.ts); deliveries go over a follow-up port (follow-up-port.ts).
 */

/** "Continue the conversation…"; its words are read when the menu opens (in the browser's language). */
export const CONTINUE = {
  id: 'follow-up',
  get label() {
    return t('ui.followUps.continue.label');
  },
  get description() {
    return t('ui.followUps.continue.description');
  },
} as const;

/** Shown instead of the follow-up entries when every conversation of the item is on a V0 server. */
export const FOLLOW_UPS_NEED_V1 = {
  id: 'follow-up-unsupported',
  get label() {
    return t('ui.followUps.needV1');
  },
  get description() {
    return errorMessage('follow_up_unsupported');
  },
} as const;

/** The picker's choice for "Ask OpenHands" that starts a conversation instead. */
export const NEW_CONVERSATION = 'new';

type Problem = Exclude<SendOutcome, { kind: 'close' }>;

export type FollowUpsDeps = {
  doc: Document;
  page: UiPage;
  /** The item's conversations, newest first (null while unknown). */
  conversations(): readonly ItemConversation[] | null;
  connect(name: string): PagePort;
  ask: SendFlowDeps['ask'];
  flow: SendFlow;
  editor(): FollowUpEditor;
  toast(view: ProgressView): void;
  /** Where focus returns from the editor opened from the menu (the caret). */
  returnFocus(): HTMLElement;
};

export type FollowUps = {
  /** The caret menu's follow-up entries for the page on screen (none without conversations). */
  entries(): MenuEntry[];
  handles(id: string): boolean;
  run(id: string): void;
  /** "Ask OpenHands" on a review thread: the editor with the thread as context. */
  askAboutThread(thread: ReviewThread, returnFocus: HTMLElement): void;
};

const canFollowUp = (conversation: ItemConversation) => conversation.apiVersion === 'v1';

/** A state from a newer background has no label here: its name is better than nothing. */
const describeState = (state: string): string => stateLabel(state as ConversationState) ?? state;

/** A picker line: the title and what the conversation is doing. */
export function targetLabel(conversation: ItemConversation): string {
  return `${conversation.title} · ${conversation.stage ?? describeState(conversation.state)}`;
}

function newConversationLabel(context: PullContext): string {
  const pr = context.pr;
  if (!pr) return t('ui.followUps.newOnPull');
  const branch = pr.isFork ? `${pr.headRepository.split('/')[0]}:${pr.headBranch}` : pr.headBranch;
  return t('ui.followUps.newOnBranch', { branch });
}

export function createFollowUps(deps: FollowUpsDeps): FollowUps {
  let reviewBusy = false;
  const targets = () => (deps.conversations() ?? []).filter(canFollowUp);
  const urlOf = (id: string) => deps.conversations()?.find((conversation) => conversation.id === id)?.url;
  const toTarget = (conversation: ItemConversation): FollowUpTarget => ({
    id: conversation.id,
    label: targetLabel(conversation),
  });

  const readPull = (): PullContext | null => {
    const context = deps.page.context();
    return context?.kind === 'pull' ? context : null;
  };

  /** A restart can only start when nothing else is starting. */
  const restart = (input: Extract<FollowUpReply, { kind: 'archived' }>['restart']) =>
    deps.flow.start(input) ? null : t('ui.editor.busy');

  /** Sends from the editor: stages there, the outcome as the editor shows it, success in the toast. */
  async function sendFromEditor(
    conversation: string,
    text: string,
    stage: (text: string) => void,
    reviewItemIds?: string[],
  ): Promise<SendOutcome> {
    const reply = await deliverFollowUp(
      deps.connect,
      { conversation, text, ...(reviewItemIds && { reviewItemIds }) },
      (reached) => stage(followUpStageLabel(reached)),
      { url: urlOf(conversation) },
    );
    if (!reply.ok) {
      const { message, action, url } = reply.error;
      // It may have arrived: the conversation is where to look, never a plain "try again"
      const link =
        action === 'conversation' && url ? { href: url, label: t('shared.openConversation') } : undefined;
      return { kind: 'error', message, ...(link && { link }) };
    }
    const result = reply.data;
    if (result.kind === 'unsupported') return { kind: 'error', message: result.reason };
    if (result.kind === 'archived') return archivedOutcome(result);
    deps.toast(followUpDoneView(result));
    return { kind: 'close' };
  }

  const archivedOutcome = (result: Extract<FollowUpReply, { kind: 'archived' }>): Problem => ({
    kind: 'offer',
    message: t('ui.followUps.archived'),
    label: restartLabel(),
    run: () => restart(result.restart),
  });

  function openContinue(): void {
    const context = deps.page.context();
    const list = targets();
    if (!context || list.length === 0) return;
    deps.editor().open({
      heading: t('ui.followUps.continueHeading'),
      hint: t('ui.followUps.continueHint', { url: context.url }),
      message: '',
      targets: list.map(toTarget),
      returnFocus: deps.returnFocus(),
      onSend: (text, target, stage) => sendFromEditor(target, text, stage),
    });
  }

  /** Which review items on the page already went to `conversation` (asked in slices the contract allows). */
  async function alreadySent(conversation: string, ids: string[]): Promise<string[] | string> {
    const sent: string[] = [];
    for (let at = 0; at < ids.length; at += MAX_REVIEW_ITEMS) {
      const reply = await deps.ask({
        type: 'followUp.sentReviewItems',
        conversation,
        ids: ids.slice(at, at + MAX_REVIEW_ITEMS),
      });
      if (!reply.ok) return reply.error.message;
      sent.push(...reply.data.sent);
    }
    return sent;
  }

  async function sendReviewComments(): Promise<void> {
    const context = readPull();
    const [latest] = targets();
    if (!context || !latest) return;
    const activity = deps.page.pages.reviewActivity(deps.doc);
    const sent = await alreadySent(
      latest.id,
      activity.map((item) => item.id),
    );
    if (typeof sent === 'string') return deps.toast(followUpErrorView(sent));
    const fresh = newSince(activity, sent).slice(0, MAX_REVIEW_ITEMS);
    const built = SEND_NEW_REVIEW_COMMENTS.message(context, fresh);
    if (!built) return deps.toast(noNewReviewCommentsView());
    deps.toast(followUpWorkingView(followUpStageLabel('checking'), latest.title));
    const reply = await deliverFollowUp(
      deps.connect,
      { conversation: latest.id, text: built.message, reviewItemIds: built.sentIds },
      (stage) => deps.toast(followUpWorkingView(followUpStageLabel(stage), latest.title)),
      { url: latest.url },
    );
    if (!reply.ok) return deps.toast(followUpErrorView(reply.error));
    const result = reply.data;
    if (result.kind === 'unsupported') return deps.toast(followUpErrorView(result.reason));
    if (result.kind !== 'archived') return deps.toast(followUpDoneView(result));
    // Archived: the editor shows what would have gone, and offers the restart
    deps.toast(followUpErrorView(followUpStageLabel('archived')));
    openEditor(
      {
        heading: SEND_NEW_REVIEW_COMMENTS.label,
        hint: t('ui.followUps.reviewHint', { url: context.url }),
        message: built.message,
        targets: [toTarget(latest)],
        returnFocus: deps.returnFocus(),
        onSend: (text, target, stage) => sendFromEditor(target, text, stage, built.sentIds),
      },
      archivedOutcome(result),
    );
  }

  function openEditor(request: FollowUpEditorRequest, outcome?: Problem): void {
    deps.editor().open(request);
    if (outcome) deps.editor().show(outcome);
  }

  return {
    entries() {
      const page = deps.page.current().item;
      const all = deps.conversations() ?? [];
      if (!page || all.length === 0) return [];
      if (!all.some(canFollowUp)) return [{ ...FOLLOW_UPS_NEED_V1, disabled: true }];
      const review = { ...SEND_NEW_REVIEW_COMMENTS };
      return [
        { ...CONTINUE, whileBusy: true },
        ...(page.kind === 'pull'
          ? [{ id: review.id, label: review.label, description: review.description, whileBusy: true }]
          : []),
      ];
    },
    handles: (id) => id === CONTINUE.id || id === SEND_NEW_REVIEW_COMMENTS.id || id === FOLLOW_UPS_NEED_V1.id,
    run(id) {
      if (id === CONTINUE.id) openContinue();
      else if (id === SEND_NEW_REVIEW_COMMENTS.id && !reviewBusy) {
        reviewBusy = true;
        void sendReviewComments().finally(() => {
          reviewBusy = false;
        });
      }
    },
    askAboutThread(thread, returnFocus) {
      const context = readPull();
      if (!context) return;
      const list = targets();
      const { range } = thread;
      const lines =
        range &&
        (range.start === range.end
          ? t('ui.followUps.line', { line: String(range.start) })
          : t('ui.followUps.lines', { start: String(range.start), end: String(range.end) }));
      const where = [thread.path, lines].filter(Boolean).join(', ');
      openEditor({
        heading: t('ui.followUps.threadHeading'),
        hint: where ? `${where} · ${context.url}` : context.url,
        message: ASK_ABOUT_THREAD.message(context, thread, { followUp: list.length > 0 }),
        targets: [...list.map(toTarget), { id: NEW_CONVERSATION, label: newConversationLabel(context) }],
        returnFocus,
        onSend: async (text, target, stage) => {
          if (target !== NEW_CONVERSATION) return sendFromEditor(target, text, stage);
          try {
            return deps.flow.start(buildStartInput(context, text))
              ? { kind: 'close' }
              : { kind: 'error', message: t('ui.editor.busy') };
          } catch (error) {
            return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
          }
        },
      });
    },
  };
}
