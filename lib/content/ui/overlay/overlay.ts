import { createShadowHost } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { createFollowUpEditor, type FollowUpEditor } from '@/lib/content/ui/follow-ups/follow-up-editor';
import { type Confirm, createConfirm } from '@/lib/content/ui/overlay/confirm';
import { createEditor, type Editor } from '@/lib/content/ui/overlay/editor';
import FLOATING_CSS from '@/lib/content/ui/overlay/floating.css?inline';
import OVERLAY_CSS from '@/lib/content/ui/overlay/overlay.css?inline';
import { createToast, type Toast } from '@/lib/content/ui/overlay/toast';

export const OVERLAY_HOST_ATTRIBUTE = 'data-openhands-overlay';

export type Overlay = {
  host: HTMLElement;
  toast: Toast;
  editor: Editor;
  /** The follow-up editor (issue 13): a conversation picker and delivery stages. */
  followUp: FollowUpEditor;
  /** The question before starting another conversation on an item with one running. */
  confirm: Confirm;
  /** Puts the host back if the page removed it; call before showing anything. */
  attach(): void;
};

/**
 * The second shadow host, for the progress toast, the custom-prompt dialog and the confirm before another
 * start. It hangs off `<html>`, not `<body>`, so Turbo's body swaps during soft navigation don't take a running progress toast away;
 * and only once something is shown (the editor attaches it itself; call `attach` before showing the toast).
 */
export function createOverlay(deps: { listen: Listen; onDismiss(): void; onOpenOptions(): void }): Overlay {
  const { host, root } = createShadowHost('div', FLOATING_CSS + OVERLAY_CSS);
  host.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
  const toast = createToast({ root, ...deps });
  const dialog = createEditor(root, deps.listen);
  const followUpDialog = createFollowUpEditor(root, deps.listen);
  const attach = () => {
    for (const stray of document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)) {
      if (stray !== host) stray.remove();
    }
    if (!host.isConnected) document.documentElement.append(host);
  };
  // Attached only when first needed: most GitHub pages never show either
  const editor: Editor = {
    open(request) {
      attach();
      dialog.open(request);
    },
    get isOpen() {
      return dialog.isOpen;
    },
  };
  const followUp: FollowUpEditor = {
    open(request) {
      attach();
      followUpDialog.open(request);
    },
    show: (outcome) => followUpDialog.show(outcome),
    get isOpen() {
      return followUpDialog.isOpen;
    },
  };
  const question = createConfirm(root, deps.listen);
  const confirm: Confirm = {
    open(request) {
      attach();
      question.open(request);
    },
    get isOpen() {
      return question.isOpen;
    },
  };
  return { host, toast, editor, followUp, confirm, attach };
}
