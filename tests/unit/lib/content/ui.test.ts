import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUTTON_NAME, CARET_NAME, createButtonUi } from '@/lib/content/button-ui';
import { createEditor } from '@/lib/content/editor';
import type { Listen, MenuEntry } from '@/lib/content/menu';
import { createOverlay, OVERLAY_HOST_ATTRIBUTE } from '@/lib/content/overlay';
import { createToast, OPEN_CONVERSATION, OPEN_OPTIONS } from '@/lib/content/toast';

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

const ENTRIES: MenuEntry[] = [
  { id: 'solve', label: 'Solve the issue', description: 'Fix it.', isDefault: true },
  { id: 'investigate', label: 'Investigate and report', description: 'Find the cause.' },
  { id: 'custom', label: 'Custom prompt…', description: 'Edit the message.' },
];

/** The split button on the page, with spies for what it triggers. */
function mountButton() {
  const onDefault = vi.fn();
  const onSelect = vi.fn();
  const ui = createButtonUi({ onDefault, entries: () => ENTRIES, onSelect, listen });
  document.body.append(ui.host);
  const root = ui.host.shadowRoot as ShadowRoot;
  const main = [...root.querySelectorAll('button')].find(
    (b) => b.textContent === BUTTON_NAME,
  ) as HTMLButtonElement;
  const menu = root.querySelector('[role="menu"]') as HTMLElement;
  const items = () => [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const key = (target: Element, k: string) =>
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }),
    );
  return { ui, root, main, menu, items, key, onDefault, onSelect };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('createButtonUi', () => {
  it('should render the button and the caret with their accessible names', () => {
    const { ui, main } = mountButton();

    expect(main.textContent).toBe(BUTTON_NAME);
    expect(ui.caret.getAttribute('aria-label')).toBe(CARET_NAME);
    expect(ui.caret.getAttribute('aria-haspopup')).toBe('menu');
    expect(ui.caret.getAttribute('aria-expanded')).toBe('false');
  });

  it('should run the default action on click, but not while busy', () => {
    const { ui, main, onDefault } = mountButton();

    main.click();
    ui.setBusy(true);
    main.click();

    expect(onDefault).toHaveBeenCalledTimes(1);
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(main.getAttribute('aria-disabled')).toBe('true');
    ui.setBusy(false);
    expect(main.getAttribute('aria-disabled')).toBe('false');
  });

  it('should open the menu from the caret, move with arrows and choose with Enter', () => {
    const { ui, root, menu, items, key, onSelect } = mountButton();

    ui.caret.click();
    expect(ui.caret.getAttribute('aria-expanded')).toBe('true');
    expect(menu.hidden).toBe(false);
    expect(items().map((item) => item.textContent)).toEqual([
      'Solve the issueDefaultFix it.',
      'Investigate and reportFind the cause.',
      'Custom prompt…Edit the message.',
    ]);
    expect(root.activeElement).toBe(items()[0]);
    key(menu, 'ArrowDown');
    expect(root.activeElement).toBe(items()[1]);
    key(menu, 'Enter');

    expect(onSelect).toHaveBeenCalledWith('investigate');
    expect(menu.hidden).toBe(true);
    expect(ui.caret.getAttribute('aria-expanded')).toBe('false');
  });

  it('should open on the last item with ArrowUp and close with Escape, focusing the caret', () => {
    const { ui, root, menu, items, key, onSelect } = mountButton();

    key(ui.caret, 'ArrowUp');
    expect(root.activeElement).toBe(items()[2]);
    key(menu, 'Escape');

    expect(menu.hidden).toBe(true);
    expect(root.activeElement).toBe(ui.caret);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('should name each entry by its label and describe it', () => {
    const { ui, root, items } = mountButton();
    ui.caret.click();

    const [first] = items();
    const label = root.getElementById(first?.getAttribute('aria-labelledby') ?? '');
    const description = root.getElementById(first?.getAttribute('aria-describedby') ?? '');

    expect(label?.textContent).toBe('Solve the issue');
    expect(description?.textContent).toBe('Fix it.');
  });

  it('should disable the entries while busy', () => {
    const { ui, items, key, menu, onSelect } = mountButton();
    ui.setBusy(true);

    ui.caret.click();
    key(menu, 'Enter');

    expect(items().every((item) => item.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('should keep key presses away from the page (GitHub hotkeys)', () => {
    const { ui, key } = mountButton();
    const pageHotkeys = vi.fn();
    document.addEventListener('keydown', pageHotkeys);

    key(ui.caret, 'c');

    expect(pageHotkeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHotkeys);
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
    const link = byText(OPEN_CONVERSATION) as HTMLAnchorElement;
    toast.show({ tone: 'done', heading: 'Started', status: 'Running', href: 'https://oh/conversations/c1' });

    expect(region.hidden).toBe(false);
    expect(region.textContent).toContain('Running');
    expect(byText(OPEN_CONVERSATION)).toBe(link);
    expect(link.getAttribute('href')).toBe('https://oh/conversations/c1');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('should offer the options page for key errors, and announce errors assertively', () => {
    const { toast, region, byText, onOpenOptions } = mountToast();

    toast.show({ tone: 'error', heading: 'Could not start', status: 'Add your key.', openOptions: true });
    byText(OPEN_OPTIONS)?.click();

    expect(onOpenOptions).toHaveBeenCalled();
    expect(byText(OPEN_CONVERSATION)).toBeUndefined();
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
    const stale = document.createElement('send-to-openhands-overlay');
    stale.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
    document.documentElement.append(stale);
    const overlay = createOverlay({ listen, onDismiss: () => {}, onOpenOptions: () => {} });

    overlay.attach();
    overlay.attach();

    expect(stale.isConnected).toBe(false);
    expect(document.querySelectorAll(`[${OVERLAY_HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });
});
