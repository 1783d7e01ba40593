import { createShadowHost, h } from '@/lib/content/resident/dom';
import type { Listen } from '@/lib/content/resident/trusted';
import { position, trackFloatingMenu } from '@/lib/content/ui/menu/menu';
import MENU_CSS from '@/lib/content/ui/menu/menu.css?inline';
import { menuKeyAction } from '@/lib/content/ui/menu/menu-keys';
import FLOATING_CSS from '@/lib/content/ui/overlay/floating.css?inline';
import {
  ageText,
  conversationStateText,
  conversationsNote,
  pullUrl,
  retryingText,
} from '@/lib/content/ui/status/item-words';
import STATUS_CSS from '@/lib/content/ui/status/status.css?inline';
import type { ItemConversation } from '@/lib/conversations/item';
import type { PageKind } from '@/lib/forges/forge';
import { formatNumber, t } from '@/lib/i18n';

/** Marks the status control's host, next to the button's; a copy of it (a Turbo snapshot) is removed. */
export const STATUS_HOST_ATTRIBUTE = 'data-openhands-status';

const LIST_ID = 'openhands-status-list';
const NOTE_ID = 'openhands-status-note';

/** What the control shows: an item's conversations, newest first (there is at least one). */
export type StatusView = {
  kind: PageKind;
  /** `owner/repo` of the page: where a conversation's PRs are when it does not name its repository. */
  repository: string;
  conversations: readonly ItemConversation[];
};

export type StatusControl = {
  host: HTMLElement;
  render(view: StatusView): void;
  readonly isOpen: boolean;
  /** Opens the list with its first or last entry focused. */
  open(focus: 'first' | 'last'): void;
  close(restoreFocus: boolean): void;
  /** Closes the list and takes the control off the page. */
  remove(): void;
};

export type StatusControlDeps = {
  /** Takes real user input only (trustedOnly). */
  listen: Listen;
  now(): Date;
};

/** The accessible name of the control, e.g. "OpenHands: Finished" or "OpenHands: Running (latest of 2)". */
export function statusName(conversations: readonly ItemConversation[]): string {
  const [latest] = conversations;
  if (!latest) return 'OpenHands';
  let state = conversationStateText(latest);
  if (conversations.length > 1)
    state = t('ui.status.latestOf', { state, count: formatNumber(conversations.length) });
  const trouble = retryingText(latest);
  if (trouble) state = t('ui.status.withTrouble', { state, trouble });
  return t('ui.status.name', { state });
}

const pullLinks = (conversation: ItemConversation, repository: string) =>
  conversation.pullNumbers.map((number) => ({
    number,
    href: pullUrl(conversation.repository ?? repository, number),
  }));

function listEntries(view: StatusView, now: Date): HTMLElement[] {
  const entries: HTMLElement[] = [];
  for (const conversation of view.conversations) {
    if (entries.length > 0) entries.push(h('div', { role: 'separator', class: 'separator' }));
    const trouble = retryingText(conversation);
    const state = trouble
      ? t('ui.status.withTrouble', { state: conversationStateText(conversation), trouble })
      : conversationStateText(conversation);
    const age = ageText(conversation.createdAt, now);
    const title = conversation.title.trim() || t('ui.status.untitled');
    entries.push(
      h(
        'a',
        {
          role: 'menuitem',
          class: 'item conversation',
          tabindex: '-1',
          href: conversation.url,
          target: '_blank',
          rel: 'noopener noreferrer',
          'aria-label': age
            ? t('ui.status.entry', { state, age, title })
            : t('ui.status.entryNoAge', { state, title }),
        },
        h(
          'span',
          { class: 'label' },
          h('span', { class: 'dot', 'data-state': conversation.state }),
          h('span', { class: 'state' }, state),
        ),
        h('span', { class: 'age' }, age),
        h('span', { class: 'description' }, title),
      ),
    );
    for (const pull of pullLinks(conversation, view.repository)) {
      entries.push(
        h(
          'a',
          { role: 'menuitem', class: 'item pull', tabindex: '-1', href: pull.href },
          t('ui.status.pullNumber', { number: String(pull.number) }),
        ),
      );
    }
  }
  return entries;
}

/**
 * The compact status control next to the "Send to OpenHands" button: a button naming the latest conversation's
 * state, its PR as a link, and the list of every conversation for the item (a menu of links, with the caret
 * menu's keys: ↓/↑ open it on the first/last entry, arrows move, Enter and Space follow, Escape closes and
 * returns focus, Tab and a click outside close).
 */
export function createStatusControl(deps: StatusControlDeps): StatusControl {
  const { listen } = deps;
  const { host, root } = createShadowHost('span', FLOATING_CSS + MENU_CSS + STATUS_CSS);
  host.setAttribute(STATUS_HOST_ATTRIBUTE, '');
  const dot = h('span', { class: 'dot' });
  const text = h('span', { class: 'text' });
  const count = h('span', { class: 'count', 'aria-hidden': 'true' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'btn status',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': LIST_ID,
    },
    dot,
    text,
    count,
  );
  const pull = h('a', { class: 'btn pull', hidden: true });
  const note = h('div', { class: 'note', id: NOTE_ID, 'aria-hidden': 'true' });
  const list = h('div', {
    id: LIST_ID,
    role: 'menu',
    class: 'menu list',
    'aria-label': t('ui.status.listLabel'),
    'aria-describedby': NOTE_ID,
    hidden: true,
  });
  const canPopover = typeof list.showPopover === 'function';
  if (canPopover) list.setAttribute('popover', 'manual');
  root.append(h('span', { class: 'group' }, button, pull), list);
  let view: StatusView | undefined;
  let open = false;

  const items = () => [...list.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const fillList = () => {
    if (!view) return;
    note.textContent = conversationsNote(view.kind, view.conversations) ?? '';
    list.replaceChildren(note, ...listEntries(view, deps.now()));
  };

  function show(focus: 'first' | 'last'): void {
    if (!view) return;
    fillList();
    list.hidden = false;
    if (canPopover && !list.matches(':popover-open')) list.showPopover();
    open = true;
    button.setAttribute('aria-expanded', 'true');
    position(list, host);
    const all = items();
    all[focus === 'first' ? 0 : all.length - 1]?.focus();
  }

  function close(restoreFocus: boolean): void {
    if (!open) return;
    open = false;
    button.setAttribute('aria-expanded', 'false');
    if (canPopover && list.matches(':popover-open')) list.hidePopover();
    list.hidden = true;
    if (restoreFocus) button.focus();
  }

  listen(button, 'click', () => (open ? close(true) : show('first')));
  listen(button, 'keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'ArrowDown' && key !== 'ArrowUp') return;
    event.preventDefault();
    show(key === 'ArrowDown' ? 'first' : 'last');
  });
  listen(list, 'keydown', (event) => {
    const all = items();
    const index = all.indexOf(root.activeElement as HTMLElement);
    const action = menuKeyAction((event as KeyboardEvent).key, index, all.length);
    if (action.type === 'none') return;
    if (action.type !== 'close' || action.restoreFocus) event.preventDefault();
    if (action.type === 'focus') all[action.index]?.focus();
    else if (action.type === 'activate') {
      // A link follows itself on Enter, but not on Space: both go the same way here
      all[action.index]?.click();
      close(false);
    } else close(action.restoreFocus);
  });
  listen(list, 'click', (event) => {
    if ((event.target as Element).closest('[role="menuitem"]')) close(false);
  });
  trackFloatingMenu(listen, {
    root,
    list,
    anchor: host,
    isOpen: () => open,
    inside: (path) => path.includes(host),
    close: () => close(false),
  });

  return {
    host,
    render(next) {
      view = next;
      const [latest] = next.conversations;
      if (!latest) return;
      dot.setAttribute('data-state', latest.state);
      text.textContent = retryingText(latest) ?? conversationStateText(latest);
      count.textContent = next.conversations.length > 1 ? formatNumber(next.conversations.length) : '';
      count.hidden = next.conversations.length < 2;
      button.setAttribute('aria-label', statusName(next.conversations));
      const [first] = pullLinks(latest, next.repository);
      pull.hidden = !first;
      if (first) {
        pull.href = first.href;
        pull.textContent = t('ui.status.pullNumber', { number: String(first.number) });
      } else pull.removeAttribute('href');
      button.classList.toggle('joined', Boolean(first));
      if (!open) return;
      // Keep the focused entry where it was while the list changes under it
      const index = items().indexOf(root.activeElement as HTMLElement);
      fillList();
      items()[Math.max(0, Math.min(index, items().length - 1))]?.focus();
    },
    get isOpen() {
      return open;
    },
    open: show,
    close,
    remove() {
      close(false);
      host.remove();
    },
  };
}
