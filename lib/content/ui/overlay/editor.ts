import { h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { formatNumber, t } from '@/lib/i18n';

export type EditorRequest = {
  /** The message the default preset would send; the user edits it. */
  message: string;
  /** One line about what is sent, e.g. `octo-org/hello-world · PR #7 · branch feature/login-fix`. */
  summary: string;
  /** Tries to send; returns an error to show in the dialog, or `null` when it went (the dialog then closes). */
  onSend(message: string): string | null;
  /** Where focus goes back when the dialog closes (the caret). */
  returnFocus: HTMLElement;
};

export type Editor = { open(request: EditorRequest): void; readonly isOpen: boolean };

/**
 * The custom-prompt editor: a modal `<dialog>` with the message in a labelled textarea, "Send" and "Cancel".
 * Escape cancels (the dialog's own behaviour); focus returns to the caret whichever way it closes.
 */
export function createEditor(root: ShadowRoot, listen: Listen): Editor {
  const textarea = h('textarea', { id: 'openhands-message', spellcheck: 'true' });
  const summary = h('p', { class: 'meta', id: 'openhands-editor-summary' });
  const count = h('p', { class: 'hint', id: 'openhands-editor-count' });
  const error = h('p', { class: 'error', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'btn medium' }, t('ui.editor.cancel'));
  const send = h('button', { type: 'submit', class: 'btn medium primary' }, t('ui.editor.send'));
  const form = h(
    'form',
    {},
    h(
      'div',
      { class: 'dialog-header' },
      h('h2', { id: 'openhands-editor-title' }, t('ui.editor.title')),
      summary,
    ),
    h(
      'div',
      { class: 'dialog-body' },
      h('label', { for: 'openhands-message' }, t('ui.editor.messageLabel')),
      textarea,
      count,
      error,
    ),
    h('div', { class: 'dialog-footer' }, cancel, send),
  );
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'openhands-editor-title', 'aria-describedby': 'openhands-editor-summary' },
    form,
  );
  textarea.setAttribute('aria-describedby', 'openhands-editor-count');
  root.append(dialog);
  let current: EditorRequest | null = null;

  const updateCount = () => {
    const length = textarea.value.length;
    count.textContent = t('ui.editor.count', length, [formatNumber(length)]);
  };
  listen(textarea, 'input', () => {
    updateCount();
    error.textContent = '';
  });
  listen(cancel, 'click', () => dialog.close());
  listen(form, 'submit', (event) => {
    event.preventDefault();
    const problem = current?.onSend(textarea.value) ?? null;
    if (problem) {
      error.textContent = problem;
      textarea.focus();
    } else {
      dialog.close();
    }
  });
  listen(dialog, 'close', () => {
    const target = current?.returnFocus;
    current = null;
    target?.focus();
  });

  return {
    open(request) {
      current = request;
      textarea.value = request.message;
      summary.textContent = request.summary;
      error.textContent = '';
      updateCount();
      if (!dialog.open) dialog.showModal();
      textarea.focus();
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
    },
    get isOpen() {
      return dialog.open;
    },
  };
}
