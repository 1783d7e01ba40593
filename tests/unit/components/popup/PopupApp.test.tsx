import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activeTabRepository } from '@/components/popup/active-tab';
import { PopupApp } from '@/components/popup/PopupApp';
import type { ConversationListItem } from '@/lib/conversations/list-item';
import type { ConversationRecord } from '@/lib/conversations/record';
import { CONVERSATION_STATES } from '@/lib/conversations/state';
import { portName } from '@/lib/protocol/ports';
import { conversationsItem } from '@/lib/storage/conversations';
import { writeListCache } from '@/lib/storage/list-cache';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';
import { answer, item, listReply, SERVER } from './popup-fixtures';

vi.mock('@/components/popup/active-tab', () => ({ activeTabRepository: vi.fn() }));

// The machine is shared: give `findBy…` more than the default second before calling a test failed.
configure({ asyncUtilTimeout: 5_000 });

/** Stores the server's first page as the background does after fetching it (records are stored apart). */
async function cacheServerPage(items: ConversationListItem[], records: ConversationRecord[] = []) {
  const fetchedAt = new Date().toISOString();
  await conversationsItem.setValue(records);
  const reply = listReply(items, { fetchedAt });
  if (!reply.ok) throw new Error('unreachable');
  await writeListCache({
    serverUrl: testOrigin(SERVER),
    keyId: 'fingerprint',
    server: { items, nextPageId: null, fetchedAt },
    reply: reply.data,
  });
}

/** Stands in for `runtime.connect`: records the ports the popup opens and whether it closed them. */
function recordPorts() {
  const ports: { name: string; disconnect: ReturnType<typeof vi.fn> }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const port = {
      name: info?.name ?? '',
      disconnect: vi.fn(),
      onMessage: { addListener() {} },
      onDisconnect: { addListener() {} },
    };
    ports.push(port);
    return port as unknown as Browser.runtime.Port;
  }) as typeof fakeBrowser.runtime.connect);
  return ports;
}

/** The badge of the row whose main link is named `title`. */
const badgeOf = (title: string) =>
  screen.getByRole('link', { name: title }).closest('li')?.querySelector('.badge')?.textContent;

/** The rows of the list, by their main link's name. */
const rowTitles = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('a.row-link')?.textContent);

describe('PopupApp', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.mocked(activeTabRepository).mockResolvedValue(null);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('should say it is loading while nothing is known yet', async () => {
    answer(() => new Promise(() => {}));
    render(<PopupApp />);
    expect((await screen.findByRole('status')).textContent).toBe('Loading conversations…');
  });

  it('should render the cached list before the background answers', async () => {
    await cacheServerPage([item({ title: 'From the cache' })]);
    answer(() => new Promise(() => {}));
    render(<PopupApp />);
    expect(await screen.findByRole('link', { name: 'From the cache' })).toBeTruthy();
  });

  it('should paint a start made since the list was cached, from storage, before any answer', async () => {
    const start = makeRecord({ title: 'Started since', createdAt: new Date().toISOString() });
    await cacheServerPage([item({ title: 'From the cache' })], [start]);
    answer(() => new Promise(() => {}));
    render(<PopupApp />);
    expect(await screen.findByRole('link', { name: 'Started since' })).toBeTruthy();
    expect(rowTitles()).toEqual(['Started since', 'From the cache']);
  });

  it('should replace the cache with what the background answers, asking the server', async () => {
    const sent = answer(() => listReply([item({ title: 'Fresh from the server' })]));
    render(<PopupApp />);
    expect(await screen.findByRole('link', { name: 'Fresh from the server' })).toBeTruthy();
    expect(sent[0]).toEqual({ type: 'conversation.list', refresh: true });
  });

  it('should link each PR the conversation lists, once', async () => {
    const source = {
      kind: 'pull' as const,
      url: 'https://github.com/octo-org/hello-world/pull/7',
      number: 7,
    };
    answer(() => listReply([item({ source, pullNumbers: [7, 57], state: 'finished' })]));
    render(<PopupApp />);
    const row = (await screen.findByRole('link', { name: 'Fix the flaky test' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(row).getByRole('link', { name: 'PR #57' }).getAttribute('href')).toBe(
      'https://github.com/octo-org/hello-world/pull/57',
    );
    expect(within(row).getByRole('link', { name: 'PR #7' }).getAttribute('href')).toBe(source.url);
    expect(within(row).queryByRole('link', { name: 'Pull request #7' })).toBeNull();
    expect(row.querySelector('.badge')?.textContent).toBe('Finished');
  });

  it('should show a row with its links, repository, branch, badge and time', async () => {
    const source = {
      kind: 'pull' as const,
      url: 'https://github.com/octo-org/hello-world/pull/7',
      number: 7,
    };
    const row0 = item({ branch: 'fix/flaky', source, state: 'running' });
    answer(() => listReply([row0]));
    render(<PopupApp />);
    const link = await screen.findByRole('link', { name: 'Fix the flaky test' });
    expect(link.getAttribute('href')).toBe(`${SERVER}/conversations/c1`);
    expect(link.getAttribute('target')).toBe('_blank');
    const row = link.closest('li') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Pull request #7' }).getAttribute('href')).toBe(source.url);
    expect(row.textContent).toContain('octo-org/hello-world');
    expect(row.textContent).toContain('fix/flaky');
    expect(row.querySelector('.badge')?.textContent).toBe('Running');
    const time = row.querySelector('time');
    expect(time?.textContent).toBe('5 minutes ago');
    expect(time?.getAttribute('dateTime')).toBe(row0.createdAt);
    expect(time?.getAttribute('title')).toMatch(/^Started /);
  });

  it('should show a conversation without a repository without an empty repository label', async () => {
    answer(() => listReply([item({ title: 'Explain the trace', repository: null, branch: null })]));
    render(<PopupApp />);
    const row = (await screen.findByRole('link', { name: 'Explain the trace' })).closest('li') as HTMLElement;
    expect(row.textContent).not.toContain('Repository');
    expect(row.textContent).not.toContain('null');
  });

  it('should name an untitled conversation by its issue', async () => {
    const source = {
      kind: 'issue' as const,
      url: 'https://github.com/octo-org/hello-world/issues/42',
      number: 42,
    };
    answer(() => listReply([item({ title: null, source })]));
    render(<PopupApp />);
    expect(await screen.findByRole('link', { name: 'octo-org/hello-world#42' })).toBeTruthy();
  });

  it('should show a start in progress with its stage', async () => {
    answer(() =>
      listReply([item({ state: 'starting', startStatus: 'PREPARING_REPOSITORY', conversationId: null })]),
    );
    render(<PopupApp />);
    const link = await screen.findByRole('link', { name: 'Fix the flaky test' });
    expect(link.closest('li')?.querySelector('.badge')?.textContent).toBe('Starting · Preparing repository');
  });

  it.each(
    CONVERSATION_STATES.map(
      (state) =>
        [
          state,
          {
            starting: 'Starting',
            running: 'Running',
            waiting_for_confirmation: 'Waiting for you',
            stopped: 'Stopped',
            finished: 'Finished',
            error: 'Error',
            paused: 'Paused',
            archived: 'Archived',
            stuck: 'Stuck',
            unknown: 'Status unknown',
          }[state],
        ] as const,
    ),
  )('should label the %s state %j', async (state, label) => {
    answer(() => listReply([item({ state })]));
    render(<PopupApp />);
    await screen.findByRole('list');
    expect(document.querySelector(`.badge[data-state="${state}"]`)?.textContent).toBe(label);
  });

  it("should show the server's error text under a failed conversation", async () => {
    answer(() => listReply([item({ state: 'error', detail: 'Sandbox failed to start' })]));
    render(<PopupApp />);
    expect(await screen.findByText('Sandbox failed to start')).toBeTruthy();
  });

  it("should follow a start's stage as the background stores it, without asking again", async () => {
    recordPorts();
    const start = makeRecord({ title: 'Being started', startStatus: 'WAITING_FOR_SANDBOX' });
    await cacheServerPage([], [start]);
    const sent = answer(() => new Promise(() => {}));
    render(<PopupApp />);
    await screen.findByRole('link', { name: 'Being started' });
    expect(badgeOf('Being started')).toBe('Starting · Waiting for sandbox');

    await conversationsItem.setValue([{ ...start, startStatus: 'PREPARING_REPOSITORY' }]);
    await waitFor(() => expect(badgeOf('Being started')).toBe('Starting · Preparing repository'));
    await conversationsItem.setValue([
      { ...start, state: 'running', startStatus: 'READY', conversationId: 'c9' },
    ]);
    await waitFor(() => expect(badgeOf('Being started')).toBe('Running'));
    expect(screen.getByRole('link', { name: 'Being started' }).getAttribute('href')).toBe(
      `${SERVER}/conversations/c9`,
    );
    expect(sent).toEqual([{ type: 'conversation.list', refresh: true }]);
  });

  it('should show the list the background stores when it fetches the server’s again', async () => {
    recordPorts();
    await cacheServerPage([item({ title: 'Working on it', state: 'running' })]);
    const sent = answer(() => new Promise(() => {}));
    render(<PopupApp />);
    await screen.findByRole('link', { name: 'Working on it' });

    await cacheServerPage([item({ title: 'Working on it', state: 'finished' })]);
    await waitFor(() => expect(badgeOf('Working on it')).toBe('Finished'));
    expect(sent).toHaveLength(1);
  });

  it('should keep the list followed by the background while something is busy, and stop once nothing is', async () => {
    const ports = recordPorts();
    await cacheServerPage([item({ title: 'Working on it', state: 'running' })]);
    answer(() => new Promise(() => {}));
    render(<PopupApp />);
    await waitFor(() => expect(ports.map((port) => port.name)).toEqual([portName('list')]));
    expect(ports[0]?.disconnect).not.toHaveBeenCalled();

    await cacheServerPage([item({ title: 'Working on it', state: 'finished' })]);
    await waitFor(() => expect(ports[0]?.disconnect).toHaveBeenCalled());
    expect(ports).toHaveLength(1);
  });

  it('should not ask the background to follow the list when nothing in it is busy', async () => {
    const ports = recordPorts();
    answer(() => listReply([item({ state: 'finished' }), item({ key: 'c2', state: 'stopped' })]));
    render(<PopupApp />);
    await screen.findByRole('list');
    expect(ports).toEqual([]);
  });

  it('should load older conversations with "Load more"', async () => {
    const sent = answer((request) =>
      request.type === 'conversation.list' && request.pageId === 'p2'
        ? listReply([item({ key: 'old', title: 'Older one', createdAt: '2026-01-01T00:00:00Z' })])
        : listReply([item({ key: 'new', title: 'Newer one' })], { nextPageId: 'p2' }),
    );
    render(<PopupApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Older one' })).toBeTruthy();
    expect(rowTitles()).toEqual(['Newer one', 'Older one']);
    expect(sent).toContainEqual({ type: 'conversation.list', pageId: 'p2' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    // Focus moves in an effect after the new rows render.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Older one'));
  });

  it('should say why "Load more" failed and let it be tried again', async () => {
    answer((request) =>
      request.type === 'conversation.list' && request.pageId
        ? listReply([], {
            nextPageId: 'p2',
            serverError: { code: 'timeout', message: 'OpenHands did not answer.' },
          })
        : listReply([item()], { nextPageId: 'p2' }),
    );
    render(<PopupApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('OpenHands did not answer.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
    expect(rowTitles()).toEqual(['Fix the flaky test']);
  });

  it('should explain what to do without a key, with a button to the options', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    answer(() =>
      listReply([], {
        fetchedAt: null,
        serverError: { code: 'no_key', message: 'Add your OpenHands API key.', action: 'options' },
      }),
    );
    render(<PopupApp />);
    expect(await screen.findByRole('heading', { name: 'Connect to OpenHands' })).toBeTruthy();
    expect(screen.queryByText('No conversations yet')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(openOptions).toHaveBeenCalled();
  });

  it('should ask a self-hosted server’s user for its SESSION_API_KEY, not a Cloud API key', async () => {
    answer(() =>
      listReply([], {
        serverUrl: testOrigin('http://localhost:3000'),
        fetchedAt: null,
        serverError: { code: 'no_key', message: 'The server asks for a key.', action: 'options' },
      }),
    );
    render(<PopupApp />);
    const notice = await screen.findByRole('region', { name: 'Connect to OpenHands' });
    expect(notice.textContent).toContain('SESSION_API_KEY');
    expect(notice.textContent).not.toContain('API Keys');
  });

  it('should show why a key was rejected, with the options link', async () => {
    answer(() =>
      listReply([], {
        fetchedAt: null,
        serverError: {
          code: 'unauthorized',
          message: 'OpenHands did not accept the API key.',
          action: 'options',
        },
      }),
    );
    render(<PopupApp />);
    expect((await screen.findByRole('alert')).textContent).toContain('did not accept the API key');
    expect(screen.getByRole('button', { name: 'Open extension options' })).toBeTruthy();
  });

  it('should show saved conversations with a notice when the server cannot be reached, and retry', async () => {
    const sent = answer(() =>
      listReply([item({ title: 'Saved one' })], {
        serverError: { code: 'offline', message: 'Could not reach OpenHands.' },
      }),
    );
    render(<PopupApp />);
    const notice = (await screen.findByText('Showing saved conversations.')).closest(
      '[role=status]',
    ) as HTMLElement;
    expect(notice.textContent).toContain('Could not reach OpenHands.');
    expect(screen.getByRole('link', { name: 'Saved one' })).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Try again' }));
    expect(sent.filter((r) => r.type === 'conversation.list' && r.refresh)).toHaveLength(2);
  });

  it('should say when the background does not answer', async () => {
    answer(() => ({ ok: false, error: { code: 'no_reply', message: 'The extension did not answer.' } }));
    render(<PopupApp />);
    expect((await screen.findByText('The extension did not answer.')).closest('[role=status]')).toBeTruthy();
    expect(screen.queryByText('Loading conversations…')).toBeNull();
  });

  it('should leave out a row it cannot read, keep the others, and say nothing alarming', async () => {
    answer(() => ({
      ok: true,
      data: {
        serverUrl: SERVER,
        items: [
          item({ title: 'Readable' }),
          { title: 'Half a row' },
          item({ key: 'k2', title: 'Also readable' }),
        ],
        nextPageId: null,
        fetchedAt: null,
      },
    }));
    render(<PopupApp />);
    expect(await screen.findByText('Readable')).toBeTruthy();
    expect(rowTitles()).toEqual(['Readable', 'Also readable']);
    expect(screen.queryByText('Half a row')).toBeNull();
    expect(screen.queryByText(/cannot read/)).toBeNull();
  });

  it('should show an error, not half a list, when the background answers something malformed', async () => {
    answer(() => ({
      ok: true,
      data: { serverUrl: SERVER, items: 'rows', nextPageId: null, fetchedAt: null },
    }));
    render(<PopupApp />);
    const notice = (await screen.findByText(/answered with something this page cannot read/)).closest(
      '[role=status]',
    );
    expect(notice).toBeTruthy();
    expect(screen.queryByText('Loading conversations…')).toBeNull();
  });

  it('should keep the rows and say so when "Load more" answers something malformed', async () => {
    answer((request) =>
      request.type === 'conversation.list' && request.pageId
        ? { ok: true, data: { items: 'older ones' } }
        : listReply([item({ title: 'First page' })], { nextPageId: 'p2' }),
    );
    render(<PopupApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(/answered with something this page cannot read/)).toBeTruthy();
    expect(rowTitles()).toEqual(['First page']);
  });

  it('should say how to start a conversation when there is none', async () => {
    answer(() => listReply([]));
    render(<PopupApp />);
    expect(await screen.findByRole('heading', { name: 'No conversations yet' })).toBeTruthy();
    expect(screen.getByText(/Open an issue or pull request on GitHub/)).toBeTruthy();
  });

  it('should offer no repository filter away from a GitHub repository', async () => {
    answer(() => listReply([item()]));
    render(<PopupApp />);
    await screen.findByRole('list');
    expect(screen.queryByRole('button', { name: /This repository/ })).toBeNull();
  });

  it("should filter to the active tab's repository", async () => {
    vi.mocked(activeTabRepository).mockResolvedValue('octo-org/hello-world');
    const createdAt = new Date().toISOString();
    answer(() =>
      listReply([
        item({ key: 'a', title: 'Here', repository: 'octo-org/hello-world', createdAt }),
        item({ key: 'b', title: 'Elsewhere', repository: 'octo-org/other', createdAt }),
      ]),
    );
    render(<PopupApp />);
    const toggle = await screen.findByRole('button', { name: /This repository/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(rowTitles()).toEqual(['Here']);
    expect(screen.getByRole('list', { name: 'Conversations on octo-org/hello-world' })).toBeTruthy();
    await userEvent.click(toggle);
    expect(rowTitles()).toEqual(['Here', 'Elsewhere']);
  });

  it('should move between rows with the arrow keys', async () => {
    // One time for all: rows are listed newest first, and rows made a millisecond apart would swap.
    const createdAt = new Date().toISOString();
    answer(() =>
      listReply([
        item({ key: 'a', title: 'First', createdAt }),
        item({ key: 'b', title: 'Second', createdAt }),
        item({ key: 'c', title: 'Third', createdAt }),
      ]),
    );
    render(<PopupApp />);
    (await screen.findByRole('link', { name: 'First' })).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Second');
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('Third');
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('Third');
    await userEvent.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement?.textContent).toBe('First');
  });
});
