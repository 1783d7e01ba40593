import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUTTON_HOST_ATTRIBUTE } from '@/lib/content/resident/mount';
import { type Listen, trustedOnly } from '@/lib/content/resident/trusted';
import { INSERTION_ANIMATION } from '@/lib/content/resident/watch';
import { STATUS_HOST_ATTRIBUTE } from '@/lib/content/ui/status/item-status';
import { createItemWatch } from '@/lib/content/ui/status/item-watch';
import { MAX_QUICK_LOSSES, RECONNECT_MS } from '@/lib/protocol/watch';
import { githubUiPage } from '../../../../../support/ui-page';
import { fakeItemPorts, itemConversation } from '../item-port';

const ISSUE = 'https://github.com/octo-org/hello-world/issues/42';
const PULL = 'https://github.com/octo-org/hello-world/pull/7';
const NOW = new Date('2026-11-28T10:03:00Z');

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (target: Element) => target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
const key = (target: Element, k: string) =>
  target.dispatchEvent(
    trusted(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true })),
  );

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
const setVisibility = (next: DocumentVisibilityState) => {
  visibility = next;
  document.dispatchEvent(new Event('visibilitychange'));
};

/** GitHub's header actions with the resident's button host in them, and the watch of the UI bundle. */
function mountWatch(url = ISSUE) {
  const actions = document.createElement('div');
  const buttonHost = document.createElement('span');
  buttonHost.setAttribute(BUTTON_HOST_ATTRIBUTE, 'actions');
  const edit = document.createElement('button');
  edit.textContent = 'Edit';
  actions.append(buttonHost, edit);
  document.body.append(actions);
  const page = { href: url };
  const ports = fakeItemPorts();
  const timers: { callback: () => void; ms: number }[] = [];
  const onChange = vi.fn();
  const watch = createItemWatch({
    doc: document,
    win: window,
    page: githubUiPage(document, () => page.href),
    runtime: ports.runtime,
    listen,
    userListen: trustedOnly(listen),
    later: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer) >>> 0, 1);
    },
    clock: () => NOW,
    onChange,
  });
  watch.refresh();
  const statusHost = () => document.querySelector<HTMLElement>(`[${STATUS_HOST_ATTRIBUTE}]`);
  const root = () => statusHost()?.shadowRoot as ShadowRoot;
  const control = () => within(root() as unknown as HTMLElement);
  const statusButton = () => control().getByRole('button', { name: /OpenHands/ });
  /** Soft navigation: the URL changes and GitHub fires its events. */
  const navigate = async (href: string) => {
    page.href = href;
    document.dispatchEvent(new Event('turbo:load'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  return {
    watch,
    ports,
    timers,
    page,
    actions,
    buttonHost,
    statusHost,
    root,
    control,
    statusButton,
    navigate,
    onChange,
  };
}

afterEach(() => {
  document.body.replaceChildren();
  setVisibility('visible');
});

describe('the item status control', () => {
  it('should follow the issue over its port and show nothing while it has no conversations', () => {
    const { ports, statusHost, actions } = mountWatch();

    expect(ports.open().map((port) => port.item)).toEqual(['octo-org/hello-world#42']);
    ports.last()?.post([]);

    expect(statusHost()).toBeNull();
    expect(actions.children).toHaveLength(2);
  });

  it('should show the latest state next to the button, with the stage while it starts', () => {
    const { ports, statusHost, buttonHost, statusButton } = mountWatch();

    ports.last()?.post([itemConversation({ state: 'starting', stage: 'Preparing repository' })]);

    expect(buttonHost.nextElementSibling).toBe(statusHost());
    expect(statusButton().getAttribute('aria-label')).toBe('OpenHands: Starting: Preparing repository');
    expect(statusButton().textContent).toContain('Starting: Preparing repository');

    for (const [state, words] of [
      ['running', 'Running'],
      ['waiting_for_confirmation', 'Waiting for you'],
      ['paused', 'Paused'],
      ['stopped', 'Stopped'],
      ['finished', 'Finished'],
      ['error', 'Error'],
      ['stuck', 'Stuck'],
      ['archived', 'Archived'],
    ] as const) {
      ports.last()?.post([itemConversation({ state }), itemConversation({ id: 'older', state: 'finished' })]);
      expect(statusButton().getAttribute('aria-label')).toBe(`OpenHands: ${words} (latest of 2)`);
    }
  });

  it('should say it cannot reach OpenHands while polls keep failing, with the time of the last answer, and stop saying so', () => {
    const { ports, statusButton } = mountWatch();
    const lastAnswerAt = '2026-11-28T10:05:00.000Z';
    const shown = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(Date.parse(lastAnswerAt));
    const waiting = { state: 'starting' as const, stage: 'Waiting for sandbox' };

    ports.last()?.post([itemConversation({ ...waiting, retrying: true, lastAnswerAt })]);

    expect(statusButton().textContent).toContain(`Can’t reach OpenHands, retrying… (last answer ${shown})`);
    expect(statusButton().getAttribute('aria-label')).toBe(
      `OpenHands: Starting: Waiting for sandbox — Can’t reach OpenHands, retrying… (last answer ${shown})`,
    );
    ports.last()?.post([itemConversation({ ...waiting, retrying: false, lastAnswerAt: null })]);
    expect(statusButton().textContent).toContain('Starting: Waiting for sandbox');
    expect(statusButton().textContent).not.toContain('retrying');
  });

  it("should link the latest conversation's PR", () => {
    const { ports, control } = mountWatch();

    ports.last()?.post([itemConversation({ state: 'finished', pullNumbers: [7] })]);

    const link = control().getByRole('link', { name: 'PR #7' });
    expect(link.getAttribute('href')).toBe('https://github.com/octo-org/hello-world/pull/7');
    ports.last()?.post([itemConversation({ state: 'running' })]);
    expect(control().queryByRole('link', { name: 'PR #7' })).toBeNull();
  });

  it('should list every conversation newest first, with state, age, link and PRs, and close with Escape', () => {
    const { ports, root, statusButton } = mountWatch();
    ports.last()?.post([
      itemConversation({
        id: 'new',
        state: 'running',
        title: 'Second try',
        createdAt: '2026-11-28T10:00:00Z',
      }),
      itemConversation({
        id: 'old',
        state: 'finished',
        title: 'First try',
        url: 'https://app.all-hands.dev/conversations/c0',
        pullNumbers: [7],
        createdAt: '2026-11-27T10:00:00Z',
      }),
    ]);

    click(statusButton());
    const list = within(root() as unknown as HTMLElement).getByRole('menu');
    const entries = within(list).getAllByRole('menuitem');

    expect(statusButton().getAttribute('aria-expanded')).toBe('true');
    expect(entries.map((entry) => entry.getAttribute('aria-label') ?? entry.textContent)).toEqual([
      'Running, 3 min ago: Second try',
      'Finished, 1 day ago: First try',
      'PR #7',
    ]);
    expect(entries[1]?.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/c0');
    expect(entries[1]?.getAttribute('target')).toBe('_blank');
    expect(entries[2]?.getAttribute('href')).toBe('https://github.com/octo-org/hello-world/pull/7');
    expect(list.textContent).toContain('2 conversations for this issue — 1 running');
    expect(root().activeElement).toBe(entries[0]);

    key(list, 'ArrowDown');
    expect(root().activeElement).toBe(entries[1]);
    key(list, 'End');
    expect(root().activeElement).toBe(entries[2]);
    key(list, 'ArrowDown');
    expect(root().activeElement).toBe(entries[0]);
    key(list, 'Escape');

    expect(list.hidden).toBe(true);
    expect(statusButton().getAttribute('aria-expanded')).toBe('false');
    expect(root().activeElement).toBe(statusButton());
  });

  it('should open on the last entry with ArrowUp and follow an entry with Space', () => {
    const { ports, root, statusButton } = mountWatch();
    ports.last()?.post([itemConversation({ state: 'finished', pullNumbers: [7] })]);

    key(statusButton(), 'ArrowUp');
    const list = within(root() as unknown as HTMLElement).getByRole('menu');
    const pull = within(list).getByRole('menuitem', { name: 'PR #7' });
    expect(root().activeElement).toBe(pull);
    const followed = vi.fn((event: Event) => event.preventDefault());
    pull.addEventListener('click', followed);
    key(list, ' ');

    expect(followed).toHaveBeenCalledOnce();
    expect(list.hidden).toBe(true);
  });

  it('should drop the old port and control on soft navigation, and follow the new item', async () => {
    const { ports, statusHost, navigate, control } = mountWatch();
    ports.last()?.post([itemConversation({ state: 'finished', pullNumbers: [7] })]);
    const issuePort = ports.last();

    await navigate(PULL);
    expect(issuePort?.closed).toBe(true);
    expect(statusHost()).toBeNull();
    expect(ports.open().map((port) => port.item)).toEqual(['octo-org/hello-world#7']);
    ports.last()?.post([itemConversation({ state: 'finished', pullNumbers: [7] })]);
    expect(control().getByRole('link', { name: 'PR #7' })).toBeTruthy();

    await navigate('https://github.com/octo-org/hello-world');
    expect(ports.open()).toHaveLength(0);
    expect(statusHost()).toBeNull();

    await navigate(ISSUE);
    expect(ports.open().map((port) => port.item)).toEqual(['octo-org/hello-world#42']);
  });

  it('should close the port while the page is hidden and reopen it when visible', () => {
    const { ports, statusButton } = mountWatch();
    ports.last()?.post([itemConversation({ state: 'running' })]);

    setVisibility('hidden');
    expect(ports.open()).toHaveLength(0);
    // The last state stays in view for when the tab comes back
    expect(statusButton().getAttribute('aria-label')).toBe('OpenHands: Running');

    setVisibility('visible');
    expect(ports.open()).toHaveLength(1);
    ports.last()?.post([itemConversation({ state: 'finished' })]);
    expect(statusButton().getAttribute('aria-label')).toBe('OpenHands: Finished');
  });

  it('should connect again a moment after the background went away', () => {
    const { ports, timers } = mountWatch();

    ports.last()?.drop();
    expect(ports.open()).toHaveLength(0);
    expect(timers.map((timer) => timer.ms)).toEqual([RECONNECT_MS]);
    timers[0]?.callback();

    expect(ports.open()).toHaveLength(1);
  });

  it('should give up when the port keeps ending at once, and try again when the page shows again', () => {
    const { ports, timers } = mountWatch();
    for (let i = 0; i < MAX_QUICK_LOSSES; i++) {
      ports.last()?.drop();
      for (const timer of timers.splice(0)) timer.callback();
    }
    expect(ports.ports).toHaveLength(MAX_QUICK_LOSSES);
    expect(ports.open()).toHaveLength(0);

    setVisibility('hidden');
    setVisibility('visible');
    expect(ports.open()).toHaveLength(1);
  });

  it('should follow the button when GitHub re-renders the header or the button moves', () => {
    const { ports, actions, buttonHost, statusHost } = mountWatch();
    ports.last()?.post([itemConversation({ state: 'running' })]);

    // A new header: the resident moves its host there, and its insertion watch animates it
    const header = document.createElement('div');
    document.body.append(header);
    header.prepend(buttonHost);
    buttonHost.dispatchEvent(
      Object.assign(new Event('animationstart', { bubbles: true }), { animationName: INSERTION_ANIMATION }),
    );
    expect(buttonHost.nextElementSibling).toBe(statusHost());
    expect(actions.contains(statusHost())).toBe(false);
  });

  it('should put itself back when the header row drops it', async () => {
    const { ports, buttonHost, statusHost } = mountWatch();
    ports.last()?.post([itemConversation({ state: 'running' })]);

    statusHost()?.remove();

    await vi.waitFor(() => expect(buttonHost.nextElementSibling).toBe(statusHost()));
    expect(document.querySelectorAll(`[${STATUS_HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('should let a start wait for the first answer', () => {
    const { ports, watch } = mountWatch();
    const answered = vi.fn();

    watch.whenKnown(answered, 1_500);
    expect(answered).not.toHaveBeenCalled();
    ports.last()?.post([]);

    expect(answered).toHaveBeenCalledOnce();
  });

  it('should not let a start wait for an answer that does not come', () => {
    const { ports, timers, watch } = mountWatch();
    const timedOut = vi.fn();

    watch.whenKnown(timedOut, 1_500);
    timers.find((timer) => timer.ms === 1_500)?.callback();
    ports.last()?.post([]);

    expect(timedOut).toHaveBeenCalledOnce();
  });

  it('should open no port on a page that is not an issue or PR', () => {
    const { ports, watch } = mountWatch('https://github.com/octo-org/hello-world/pulls');

    expect(ports.ports).toHaveLength(0);
    expect(watch.current).toBeNull();
  });
});
