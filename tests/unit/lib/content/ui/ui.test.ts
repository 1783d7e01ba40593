import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createButton } from '@/lib/content/resident/button';
import type { Listen } from '@/lib/content/resident/trusted';
import { createUi } from '@/lib/content/ui';
import { createEditor } from '@/lib/content/ui/overlay/editor';
import { createOverlay, OVERLAY_HOST_ATTRIBUTE } from '@/lib/content/ui/overlay/overlay';
import { createToast } from '@/lib/content/ui/overlay/toast';
import type { Request } from '@/lib/protocol/messages';
import { residentWords } from '../../../../support/i18n';
import { GITHUB_SITE } from '../../../../support/ui-page';
import { FIXTURE_URLS, loadFixture } from '../../forges/github/fixtures';
import { fakeItemPorts, itemConversation } from './item-port';
import { startingRecord } from './records';

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

/** An event as the browser makes it from user input: the UI ignores any other. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (target: Element) => target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
const key = (target: Element, k: string) =>
  target.dispatchEvent(
    trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true })),
  );

/**
 * The on-demand UI bound to the resident's button on the issue fixture, as the resident wires them; its
 * background answers every start with a starting record, and the item port with no conversations.
 */
function mountUi({ answered = true } = {}) {
  const sent: Request[] = [];
  const itemPorts = fakeItemPorts();
  const ui = createUi({
    ...GITHUB_SITE,
    doc: loadFixture('issue'),
    href: () => FIXTURE_URLS.issue,
    alive: () => true,
    ask: (async (request: Request) => {
      sent.push(request);
      return { ok: true, data: startingRecord() };
    }) as never,
    runtime: itemPorts.runtime,
    later: () => () => {},
  });
  const button = createButton(
    listen,
    {
      onDefault: () => ui.runDefault(),
      onMenu: (request) => ui.menu(request),
      onApproach: () => {},
    },
    residentWords(() => fakeBrowser.i18n),
  );
  document.body.append(button.host);
  ui.bind(button);
  // The background answers the item port at once: an issue without conversations, unless the test says
  if (answered) itemPorts.last()?.post([]);
  const { root, caret, main } = button;
  const menu = root.querySelector('[role="menu"]') as HTMLElement;
  const items = () => [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const starts = () => sent.filter((request) => request.type === 'conversation.start');
  return { ui, button, root, caret, main, menu, items, starts, itemPorts };
}

afterEach(() => {
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('[data-openhands-overlay]')) host.remove();
});

describe('createUi', () => {
  it('should take over the caret: its menu, with the styles it needs, and the tooltip', () => {
    const { root, caret, main, menu } = mountUi();

    expect(menu.hidden).toBe(true);
    expect(caret.getAttribute('aria-controls')).toBe(menu.id);
    expect(root.querySelectorAll('style')).toHaveLength(2);
    expect(main.title).toBe('Solve the issue with OpenHands');
  });

  it('should open the menu from the caret, move with arrows and choose with Enter', async () => {
    const { caret, root, menu, items, starts } = mountUi();

    click(caret);
    expect(caret.getAttribute('aria-expanded')).toBe('true');
    expect(menu.hidden).toBe(false);
    expect(items().map((item) => item.querySelector('.label')?.textContent)).toEqual([
      'Solve the issue',
      'Investigate and report',
      'Custom prompt…',
    ]);
    expect(root.activeElement).toBe(items()[0]);
    key(menu, 'ArrowDown');
    expect(root.activeElement).toBe(items()[1]);
    key(menu, 'Enter');

    expect(menu.hidden).toBe(true);
    expect(caret.getAttribute('aria-expanded')).toBe('false');
    await vi.waitFor(() => expect(starts()).toHaveLength(1));
    expect(starts()[0]?.input.message).toContain('Investigate');
  });

  it('should open on the last item with ArrowUp and close with Escape, focusing the caret', () => {
    const { caret, root, menu, items, starts } = mountUi();
    // The user tabs to the caret (a focus the page gave would not open the menu from the keyboard)
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab' })));
    HTMLElement.prototype.focus.call(caret);

    key(caret, 'ArrowUp');
    expect(root.activeElement).toBe(items()[2]);
    key(menu, 'Escape');

    expect(menu.hidden).toBe(true);
    expect(root.activeElement).toBe(caret);
    expect(starts()).toHaveLength(0);
  });

  it('should close the menu on a second caret click', () => {
    const { caret, menu } = mountUi();

    click(caret);
    click(caret);

    expect(menu.hidden).toBe(true);
  });

  it('should name each entry by its label and describe it', () => {
    const { caret, root, items } = mountUi();
    click(caret);

    const [first] = items();
    const label = root.getElementById(first?.getAttribute('aria-labelledby') ?? '');
    const description = root.getElementById(first?.getAttribute('aria-describedby') ?? '');

    expect(label?.textContent).toBe('Solve the issue');
    expect(description?.textContent).toBe('Fix it on a new branch and open a pull request.');
  });

  it('should lock the button and the menu entries while a start is under way', async () => {
    const { caret, main, menu, items, starts } = mountUi();

    click(main);
    click(main);
    click(caret);
    key(menu, 'Enter');

    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(items().every((item) => item.getAttribute('aria-disabled') === 'true')).toBe(true);
    await vi.waitFor(() => expect(starts()).toHaveLength(1));
    expect(starts()[0]?.input.message).toMatch(/^Solve GitHub issue #42/);
  });

  it('should ignore synthetic events from the page', () => {
    const { caret, menu, items, starts } = mountUi();
    click(caret);

    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    items()[1]?.click();

    expect(menu.hidden).toBe(false);
    expect(starts()).toHaveLength(0);
  });

  it('should close the menu when the button leaves the page, and stop when destroyed', () => {
    const { ui, button, caret, menu } = mountUi();
    click(caret);

    button.host.remove();
    ui.refresh();
    expect(menu.hidden).toBe(true);

    document.body.append(button.host);
    ui.destroy();
    ui.menu('first');
    click(caret);
    expect(menu.hidden).toBe(true);
  });
});

describe('conversations there are already', () => {
  const overlayRoot = () =>
    document.querySelector(`[${OVERLAY_HOST_ATTRIBUTE}]`)?.shadowRoot as unknown as HTMLElement;
  const confirmDialog = () =>
    within(overlayRoot()).queryByRole('dialog', { name: 'Start another conversation?' });
  const confirmButton = (name: string) => within(overlayRoot()).getByRole('button', { name });

  it('should say in the caret menu how many there are and how many run', () => {
    const { caret, menu, itemPorts } = mountUi();
    itemPorts
      .last()
      ?.post([itemConversation({ state: 'starting' }), itemConversation({ id: 'old', state: 'finished' })]);

    click(caret);

    const note = menu.querySelector(`#${menu.getAttribute('aria-describedby')}`);
    expect(note?.textContent).toBe('2 conversations for this issue — 1 running');
  });

  it('should say nothing in the menu about an item without conversations', () => {
    const { caret, menu, itemPorts } = mountUi();
    itemPorts.last()?.post([]);

    click(caret);

    expect(menu.hasAttribute('aria-describedby')).toBe(false);
    expect(menu.textContent).not.toContain('conversation for this');
  });

  it('should ask once before starting another while one runs, and start nothing on Cancel', async () => {
    const { main, button, starts, itemPorts } = mountUi();
    itemPorts.last()?.post([itemConversation({ state: 'running' })]);

    click(main);
    click(main);
    const dialog = confirmDialog();
    expect(dialog?.textContent).toContain('A conversation for this issue is already running.');
    expect(overlayRoot().querySelectorAll('dialog[open]')).toHaveLength(1);
    click(confirmButton('Cancel'));

    expect(overlayRoot().querySelector('dialog[open]')).toBeNull();
    expect(button.root.activeElement).toBe(main);
    await Promise.resolve();
    expect(starts()).toHaveLength(0);
  });

  it('should start one conversation after "Start another", from a click or the keyboard command', async () => {
    const { ui, main, starts, itemPorts } = mountUi();
    itemPorts.last()?.post([itemConversation({ state: 'starting' })]);

    ui.runDefault();
    click(main);
    click(confirmButton('Start another'));
    click(main);

    await vi.waitFor(() => expect(starts()).toHaveLength(1));
  });

  it('should start at once when nothing runs', async () => {
    const { main, starts, itemPorts } = mountUi();
    itemPorts.last()?.post([itemConversation({ state: 'finished', pullNumbers: [7] })]);

    click(main);

    await vi.waitFor(() => expect(starts()).toHaveLength(1));
    expect(
      document.querySelector(`[${OVERLAY_HOST_ATTRIBUTE}]`)?.shadowRoot?.querySelector('dialog[open]'),
    ).toBeNull();
  });

  it('should wait for the conversations of a UI just loaded before it decides', async () => {
    const { main, starts, itemPorts } = mountUi({ answered: false });

    click(main);
    await Promise.resolve();
    expect(starts()).toHaveLength(0);
    itemPorts.last()?.post([itemConversation({ state: 'running' })]);

    expect(confirmDialog()?.hasAttribute('open')).toBe(true);
    expect(starts()).toHaveLength(0);
  });
});

describe('createToast', () => {
  /** A toast in a shadow root of its own. */
  function mountToast() {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const onDismiss = vi.fn();
    const onOpenOptions = vi.fn();
    const toast = createToast({ root, listen, onDismiss, onOpenOptions });
    const region = root.querySelector('[role="status"]') as HTMLElement;
    const byText = (text: string) =>
      [...root.querySelectorAll<HTMLElement>('a, button')].find((e) => e.textContent === text);
    return { toast, root, region, byText, onDismiss, onOpenOptions };
  }

  it('should show the stage and the link, and keep the link when the href changes', () => {
    const { toast, region, byText } = mountToast();

    toast.show({
      tone: 'working',
      heading: 'Starting',
      status: 'Waiting for sandbox…',
      href: 'https://oh/task-1',
    });
    const link = byText('Open conversation') as HTMLAnchorElement;
    toast.show({ tone: 'done', heading: 'Started', status: 'Running', href: 'https://oh/conversations/c1' });

    expect(region.hidden).toBe(false);
    expect(region.textContent).toContain('Running');
    expect(byText('Open conversation')).toBe(link);
    expect(link.getAttribute('href')).toBe('https://oh/conversations/c1');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('should offer the options page for key errors, and announce errors assertively', () => {
    const { toast, region, byText, onOpenOptions } = mountToast();

    toast.show({ tone: 'error', heading: 'Could not start', status: 'Add your key.', openOptions: true });
    byText('Open extension options')?.click();

    expect(onOpenOptions).toHaveBeenCalled();
    expect(byText('Open conversation')).toBeUndefined();
    expect(region.getAttribute('aria-live')).toBe('assertive');
  });

  it('should hide and tell when dismissed', () => {
    const { toast, region, root, onDismiss } = mountToast();
    toast.show({ tone: 'working', heading: 'Starting', status: 'Sending…' });

    root.querySelector<HTMLButtonElement>('[aria-label="Dismiss"]')?.click();

    expect(region.hidden).toBe(true);
    expect(onDismiss).toHaveBeenCalled();
  });
});

describe('createEditor', () => {
  /** An editor in a shadow root on the page, and a caret to return focus to. */
  function mountEditor() {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const editor = createEditor(root, listen);
    const caret = document.createElement('button');
    document.body.append(caret);
    const dialog = root.querySelector('dialog') as HTMLDialogElement;
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    const label = root.querySelector('label') as HTMLLabelElement;
    const form = root.querySelector('form') as HTMLFormElement;
    return { editor, root, dialog, textarea, label, form, caret };
  }

  it('should open pre-filled and labelled', () => {
    const { editor, dialog, textarea, label, caret } = mountEditor();

    editor.open({
      message: 'Solve #42.',
      summary: 'octo-org/hello-world · Issue #42',
      onSend: () => null,
      returnFocus: caret,
    });

    expect(dialog.open).toBe(true);
    expect(textarea.value).toBe('Solve #42.');
    expect(label.textContent).toBe('Message to OpenHands');
    expect(label.htmlFor).toBe(textarea.id);
  });

  it('should send the edited message, close and return focus', () => {
    const { editor, dialog, textarea, form, caret } = mountEditor();
    const onSend = vi.fn(() => null);
    editor.open({ message: 'Solve #42.', summary: '', onSend, returnFocus: caret });

    textarea.value = 'Only add a test.';
    form.dispatchEvent(new Event('submit', { cancelable: true }));

    expect(onSend).toHaveBeenCalledWith('Only add a test.');
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(caret);
  });

  it('should stay open and show why when sending fails', () => {
    const { editor, dialog, form, root, caret } = mountEditor();
    editor.open({ message: '', summary: '', onSend: () => 'The message is empty', returnFocus: caret });

    form.dispatchEvent(new Event('submit', { cancelable: true }));

    expect(dialog.open).toBe(true);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The message is empty');
  });
});

describe('createOverlay', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)) host.remove();
  });

  it('should stay off the page until the editor or the toast needs it', () => {
    const overlay = createOverlay({ listen, onDismiss: () => {}, onOpenOptions: () => {} });
    expect(overlay.host.isConnected).toBe(false);

    overlay.editor.open({ message: 'Hi', summary: '', onSend: () => null, returnFocus: document.body });

    expect(overlay.host.parentElement).toBe(document.documentElement);
    expect(overlay.editor.isOpen).toBe(true);
  });

  it('should replace a stale overlay left by an earlier content script', () => {
    const stale = document.createElement('div');
    stale.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
    document.documentElement.append(stale);
    const overlay = createOverlay({ listen, onDismiss: () => {}, onOpenOptions: () => {} });

    overlay.attach();
    overlay.attach();

    expect(stale.isConnected).toBe(false);
    expect(document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });
});
