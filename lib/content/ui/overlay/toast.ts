import { h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { ALERT, CHECK_CIRCLE, INFO, icon, LINK_EXTERNAL, X } from '@/lib/content/ui/overlay/icons';
import type { ProgressView } from '@/lib/content/ui/start/progress';
import { t } from '@/lib/i18n';

export type ToastDeps = {
  root: ShadowRoot;
  listen: Listen;
  onDismiss(): void;
  onOpenOptions(): void;
};

export type Toast = { show(view: ProgressView): void; hide(): void };

function leadIcon(tone: ProgressView['tone']): Element {
  if (tone === 'working') return h('span', { class: 'spinner' });
  if (tone === 'info') return icon(INFO);
  return icon(tone === 'done' ? CHECK_CIRCLE : ALERT);
}

/**
 * The progress toast at the bottom right: the stage, what was sent, the "Open conversation" link (new tab) and,
 * for a missing or rejected key, a button that opens the options page. A live region, so screen readers hear
 * each stage; errors are announced assertively.
 */
export function createToast(deps: ToastDeps): Toast {
  const lead = h('span', { class: 'lead' });
  const heading = h('p', { class: 'heading' });
  const status = h('p', { class: 'status' });
  const subject = h('p', { class: 'subject' });
  const actions = h('div', { class: 'actions' });
  const dismiss = h(
    'button',
    { type: 'button', class: 'btn dismiss', 'aria-label': t('ui.toast.dismiss') },
    icon(X),
  );
  const toast = h(
    'section',
    { class: 'toast', role: 'status', 'aria-live': 'polite', 'aria-label': 'OpenHands', hidden: true },
    lead,
    h('div', { class: 'text' }, heading, status, subject, actions),
    dismiss,
  );
  deps.root.append(toast);
  deps.listen(dismiss, 'click', () => {
    toast.hidden = true;
    deps.onDismiss();
  });

  const link = h(
    'a',
    { target: '_blank', rel: 'noopener noreferrer' },
    t('shared.openConversation'),
    icon(LINK_EXTERNAL),
  );
  // The server's home page, which lists recent conversations (there is no `/conversations` page)
  const conversations = h(
    'a',
    { target: '_blank', rel: 'noopener noreferrer' },
    t('shared.openOpenHands'),
    icon(LINK_EXTERNAL),
  );
  const options = h('button', { type: 'button', class: 'btn' }, t('shared.openOptions'));
  deps.listen(options, 'click', () => deps.onOpenOptions());

  return {
    show(view) {
      toast.dataset.tone = view.tone;
      toast.setAttribute('aria-live', view.tone === 'error' ? 'assertive' : 'polite');
      lead.replaceChildren(leadIcon(view.tone));
      heading.textContent = view.heading;
      status.textContent = view.status;
      subject.textContent = view.subject ?? '';
      subject.hidden = !view.subject;
      // Kept as the same elements, so a focused link stays focused while the stage changes
      if (view.href) link.href = view.href;
      if (view.conversationsHref) conversations.href = view.conversationsHref;
      const wanted = [
        view.href ? link : null,
        view.conversationsHref ? conversations : null,
        view.openOptions ? options : null,
      ].filter((e) => e !== null);
      if (wanted.length !== actions.children.length || wanted.some((e, i) => actions.children[i] !== e)) {
        actions.replaceChildren(...wanted);
      }
      toast.hidden = false;
    },
    hide() {
      toast.hidden = true;
    },
  };
}
