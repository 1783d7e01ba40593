import { h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import FOLLOW_UP_CSS from '@/lib/content/ui/follow-ups/follow-up.css?inline';
import { t } from '@/lib/i18n';

/** One choice of the picker: a conversation (its record id) or, for "Ask OpenHands", a new conversation. */
export type FollowUpTarget = { id: string; label: string };

/** How a send ended, as the editor shows it. */
export type SendOutcome =
  /** Done: the dialog closes (the toast says the rest). */
  | { kind: 'close' }
  /** Nothing sent (or maybe sent, then `link` leads to the conversation): the text stays, with `message` under it. */
  | { kind: 'error'; message: string; link?: { href: string; label: string } }
  /** Nothing sent, but something else can be done: a button named `label` runs `run` (an error text or null). */
  | { kind: 'offer'; message: string; label: string; run(): string | null };

export type FollowUpEditorRequest = {
  heading: string;
  /** One line about where it goes, e.g. the item's link. */
  hint: string;
  message: string;
  /** Newest first; the first is chosen. */
  targets: FollowUpTarget[];
  /** Sends; `stage` shows how far it got. */
  onSend(message: string, target: string, stage: (text: string) => void): Promise<SendOutcome>;
  returnFocus: HTMLElement;
};

export type FollowUpEditor = {
  open(request: FollowUpEditorRequest): void;
  /** Shows an outcome in the open editor, as if a send had ended so (a send made before it opened). */
  show(outcome: Exclude<SendOutcome, { kind: 'close' }>): void;
  readonly isOpen: boolean;
};

/**
 * The follow-up editor: a modal `<dialog>` like the custom-prompt editor, plus a picker of the item's
 * conversations and a live stage line while the background delivers. Whatever goes wrong, the text stays.
 * Pre-filled messages (a review thread) open with the caret at the end, where the instruction goes.
 */
export function createFollowUpEditor(root: ShadowRoot, listen: Listen): FollowUpEditor {
  const heading = h('h2', { id: 'openhands-follow-up-title' });
  const hint = h('p', { class: 'meta', id: 'openhands-follow-up-hint' });
  const picker = h('select', { id: 'openhands-follow-up-target' });
  const textarea = h('textarea', { id: 'openhands-follow-up-message', spellcheck: 'true' });
  const stage = h('p', { class: 'stage', role: 'status' });
  const errorText = h('span');
  const errorLink = h('a', { target: '_blank', rel: 'noopener noreferrer', hidden: true });
  const error = h('p', { class: 'error', role: 'alert' }, errorText, ' ', errorLink);
  const offer = h('button', { type: 'button', class: 'btn medium offer', hidden: true });
  const cancel = h('button', { type: 'button', class: 'btn medium' }, t('ui.editor.cancel'));
  const send = h('button', { type: 'submit', class: 'btn medium primary' }, t('ui.editor.send'));
  const pickerRow = h(
    'div',
    { class: 'picker' },
    h('label', { for: 'openhands-follow-up-target' }, t('ui.followUps.pickerLabel')),
    ' ',
    picker,
  );
  const form = h(
    'form',
    {},
    h('div', { class: 'dialog-header' }, heading, hint),
    h(
      'div',
      { class: 'dialog-body' },
      pickerRow,
      h('label', { for: 'openhands-follow-up-message' }, t('ui.editor.messageLabel')),
      textarea,
      stage,
      error,
    ),
    h('div', { class: 'dialog-footer' }, offer, cancel, send),
  );
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'openhands-follow-up-title', 'aria-describedby': 'openhands-follow-up-hint' },
    form,
  );
  root.append(h('style', {}, FOLLOW_UP_CSS), dialog);
  let current: FollowUpEditorRequest | null = null;
  let sending = false;
  let offered: (() => string | null) | null = null;

  const setSending = (on: boolean) => {
    sending = on;
    send.disabled = on;
    textarea.readOnly = on;
    picker.disabled = on;
    if (!on) stage.textContent = '';
  };
  const setError = (text: string, link?: { href: string; label: string }) => {
    errorText.textContent = text;
    errorLink.hidden = !link;
    if (link) {
      errorLink.href = link.href;
      errorLink.textContent = link.label;
    } else errorLink.removeAttribute('href');
  };
  const clearProblem = () => {
    setError('');
    offer.hidden = true;
    offered = null;
  };

  const showOutcome = (outcome: Exclude<SendOutcome, { kind: 'close' }>) => {
    setError(outcome.message, outcome.kind === 'error' ? outcome.link : undefined);
    if (outcome.kind === 'offer') {
      offer.textContent = outcome.label;
      offer.hidden = false;
      offered = outcome.run;
      offer.focus();
    } else textarea.focus();
  };

  listen(textarea, 'input', clearProblem);
  listen(picker, 'change', clearProblem);
  listen(cancel, 'click', () => dialog.close());
  listen(offer, 'click', () => {
    const problem = offered?.() ?? null;
    if (problem) setError(problem);
    else dialog.close();
  });
  listen(form, 'submit', (event) => {
    event.preventDefault();
    const request = current;
    if (!request || sending) return;
    if (!textarea.value.trim()) {
      setError(t('ui.followUps.writeFirst'));
      textarea.focus();
      return;
    }
    clearProblem();
    setSending(true);
    const shown = (text: string) => {
      if (current === request) stage.textContent = t('ui.progress.ongoing', { stage: text });
    };
    void request.onSend(textarea.value, picker.value, shown).then(
      (outcome) => {
        if (current !== request) return;
        setSending(false);
        if (outcome.kind === 'close') dialog.close();
        else showOutcome(outcome);
      },
      (failure: unknown) => {
        if (current !== request) return;
        setSending(false);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  });
  listen(dialog, 'close', () => {
    const target = current?.returnFocus;
    current = null;
    setSending(false);
    target?.focus();
  });

  return {
    open(request) {
      current = request;
      heading.textContent = request.heading;
      hint.textContent = request.hint;
      picker.replaceChildren(
        ...request.targets.map((target) => h('option', { value: target.id }, target.label)),
      );
      picker.value = request.targets[0]?.id ?? '';
      textarea.value = request.message;
      clearProblem();
      setSending(false);
      if (!dialog.open) dialog.showModal();
      textarea.focus();
      const end = textarea.value.length;
      textarea.setSelectionRange(end, end);
      textarea.scrollTop = textarea.scrollHeight;
    },
    show(outcome) {
      if (dialog.open) showOutcome(outcome);
    },
    get isOpen() {
      return dialog.open;
    },
  };
}
