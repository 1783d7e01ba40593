import { h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { t } from '@/lib/i18n';

export type ConfirmRequest = {
  /** Why it asks, a whole sentence, e.g. "A conversation for this issue is already running." */
  message: string;
  /** Where focus goes back when the dialog closes (the button). */
  returnFocus: HTMLElement;
  /** `true` for "Start another"; `false` for "Cancel", Escape or the page taking the dialog away. */
  onClose(confirmed: boolean): void;
};

export type Confirm = { open(request: ConfirmRequest): void; readonly isOpen: boolean };

/**
 * The question before starting another conversation on an item with one running: a small modal `<dialog>`
 * with "Cancel" (focused, so a stray Enter starts nothing) and "Start another". Escape cancels.
 */
export function createConfirm(root: ShadowRoot, listen: Listen): Confirm {
  const message = h('p', { id: 'openhands-confirm-message' });
  const cancel = h('button', { type: 'button', class: 'btn medium' }, t('ui.confirm.cancel'));
  const start = h('button', { type: 'button', class: 'btn medium primary' }, t('ui.confirm.start'));
  const dialog = h(
    'dialog',
    {
      class: 'confirm',
      'aria-labelledby': 'openhands-confirm-title',
      'aria-describedby': 'openhands-confirm-message',
    },
    h('div', { class: 'dialog-header' }, h('h2', { id: 'openhands-confirm-title' }, t('ui.confirm.title'))),
    h('div', { class: 'dialog-body' }, message),
    h('div', { class: 'dialog-footer' }, cancel, start),
  );
  root.append(dialog);
  let current: ConfirmRequest | null = null;
  let confirmed = false;

  listen(cancel, 'click', () => dialog.close());
  listen(start, 'click', () => {
    confirmed = true;
    dialog.close();
  });
  // Every way out (the buttons, Escape) ends here, once
  dialog.addEventListener('close', () => {
    const request = current;
    current = null;
    request?.returnFocus.focus();
    request?.onClose(confirmed);
  });

  return {
    open(request) {
      if (current) return;
      current = request;
      confirmed = false;
      message.textContent = t('ui.confirm.message', { notice: request.message });
      if (!dialog.open) dialog.showModal();
      cancel.focus();
    },
    get isOpen() {
      return current !== null;
    },
  };
}
