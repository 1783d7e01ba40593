import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createButton } from '@/lib/content/resident/button';
import type { Listen } from '@/lib/content/resident/trusted';
import { createUi } from '@/lib/content/ui';
import type { ItemConversation } from '@/lib/conversations/item';
import { collectReviewActivity } from '@/lib/forges/github/review-activity';
import { findReviewThreads } from '@/lib/forges/github/review-threads';
import type { Request } from '@/lib/protocol/messages';
import { parsePortName, portName } from '@/lib/protocol/ports';
import { type FakePort, fakeRuntime } from '../../../../../support/fake-ports';
import { residentWords } from '../../../../../support/i18n';
import { GITHUB_SITE } from '../../../../../support/ui-page';
import { FIXTURE_URLS, type FixtureName, loadFixture } from '../../../forges/github/fixtures';
import { itemConversation } from '../item-port';
import { startingRecord } from '../records';

const listen: Listen = (target, type, handler, options) => target.addEventListener(type, handler, options);

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const click = (target: Element) => target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

type Backend = {
  /** How the background answers a follow-up port's request: stages, then the reply. */
  followUp?(request: { conversation: string; text: string }, port: FakePort): void;
  /** Review items the background remembers as sent. */
  sent?: string[];
};

const running = (id: string) =>
  startingRecord({ id, state: 'running', conversationId: `conv-${id}`, title: 'PR #7: Fix login' });

/** The UI on a fixture page (loaded into this document), bound to a resident button, with a fake background. */
async function mount(name: FixtureName, conversations: ItemConversation[], backend: Backend = {}) {
  document.body.innerHTML = loadFixture(name).body.innerHTML;
  const sent: Request[] = [];
  const { runtime, named } = fakeRuntime((port) => {
    if (port.name === portName('followUp')) {
      port.postMessage = (message) => {
        port.posted.push(message);
        queueMicrotask(() => backend.followUp?.(message as never, port));
      };
    }
    // The background's item port: the item's conversations right after it opens
    const item = parsePortName(port.name);
    if (item?.port === 'item')
      queueMicrotask(() => port.emit({ type: 'item.conversations', item: item.key, conversations }));
  });
  const ui = createUi({
    ...GITHUB_SITE,
    doc: document,
    href: () => FIXTURE_URLS[name],
    alive: () => true,
    ask: (async (request: Request) => {
      sent.push(request);
      if (request.type === 'followUp.sentReviewItems')
        return { ok: true, data: { sent: request.ids.filter((id) => backend.sent?.includes(id)) } };
      return { ok: true, data: startingRecord() };
    }) as never,
    runtime,
    later: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
  });
  const button = createButton(
    listen,
    {
      onDefault: () => {},
      onMenu: (r) => ui.menu(r),
      onApproach: () => {},
    },
    residentWords(() => fakeBrowser.i18n),
  );
  document.body.prepend(button.host);
  ui.bind(button);
  await Promise.resolve();
  const overlay = () => document.querySelector('[data-openhands-overlay]')?.shadowRoot as ShadowRoot;
  const dialog = () =>
    overlay().querySelector('dialog[aria-labelledby="openhands-follow-up-title"]') as HTMLDialogElement;
  const textarea = () => dialog().querySelector('textarea') as HTMLTextAreaElement;
  const picker = () => dialog().querySelector('select') as HTMLSelectElement;
  const submit = () =>
    dialog()
      .querySelector('form')
      ?.dispatchEvent(trusted(new Event('submit', { cancelable: true })));
  const toast = () => overlay().querySelector('section.toast') as HTMLElement;
  const labels = () => {
    click(button.caret);
    const items = [...button.root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    return items.map((item) => ({
      item,
      label: item.querySelector('.label')?.textContent,
      disabled: item.getAttribute('aria-disabled') === 'true',
    }));
  };
  const choose = (label: string) => {
    const entry = labels().find((candidate) => candidate.label === label);
    if (!entry) throw new Error(`No menu entry ${label}`);
    click(entry.item);
  };
  const followUps = () => named('follow-up').map((port) => port.posted[0] as Record<string, unknown>);
  return { ui, sent, labels, choose, dialog, textarea, picker, submit, toast, followUps, button };
}

afterEach(() => {
  document.body.replaceChildren();
  for (const host of document.querySelectorAll('[data-openhands-overlay]')) host.remove();
});

const latest = itemConversation({ id: 'latest', title: 'PR #7: Fix login', state: 'paused' });
const older = itemConversation({ id: 'older', title: 'PR #7: First try', state: 'finished' });

describe('"Continue the conversation…"', () => {
  it('should not be offered on a page without conversations', async () => {
    const { labels } = await mount('issue', []);

    expect(labels().map((entry) => entry.label)).not.toContain('Continue the conversation…');
  });

  it('should open an empty editor that sends to the latest conversation, showing the stages, then close', async () => {
    let finish: () => void = () => {};
    const ui = await mount('pull-timeline-threads', [latest, older], {
      followUp: (_request, port) => {
        port.emit({ type: 'followUp.progress', stage: 'resuming' });
        finish = () =>
          port.emit({
            type: 'followUp.result',
            reply: { ok: true, data: { kind: 'sent', record: running('latest') } },
          });
      },
    });

    ui.choose('Continue the conversation…');
    expect(ui.dialog().open).toBe(true);
    expect(ui.textarea().value).toBe('');
    expect(ui.dialog().textContent).toContain('https://github.com/octo-org/hello-world/pull/7');
    expect([...ui.picker().options].map((option) => option.textContent)).toEqual([
      'PR #7: Fix login · Paused',
      'PR #7: First try · Finished',
    ]);
    expect(ui.picker().value).toBe('latest');
    const send = [...ui.dialog().querySelectorAll('button')].find((b) => b.textContent === 'Send');
    expect(send?.type).toBe('submit');

    ui.textarea().value = 'Also cover the expired-session case.';
    ui.submit();
    await vi.waitFor(() => expect(ui.dialog().textContent).toContain('Resuming the sandbox…'));
    expect(ui.followUps()).toEqual([
      {
        type: 'followUp.send',
        conversation: 'latest',
        text: 'Also cover the expired-session case.',
        requestId: expect.any(String),
      },
    ]);
    expect(ui.dialog().open).toBe(true);
    finish();

    await vi.waitFor(() => expect(ui.dialog().open).toBe(false));
    expect(ui.toast().textContent).toContain('Follow-up sent');
    expect(ui.toast().querySelector('a')?.getAttribute('href')).toContain('conv-latest');
  });

  it('should stay available while a start is under way, unlike the presets', async () => {
    const ui = await mount('pull-timeline-threads', [latest]);

    ui.ui.runDefault();
    await vi.waitFor(() => expect(ui.sent).toHaveLength(1));
    const entries = ui.labels();

    expect(entries.find((entry) => entry.label === 'Continue the conversation…')?.disabled).toBe(false);
    expect(entries.find((entry) => entry.label === 'Send new review comments')?.disabled).toBe(false);
    expect(entries.find((entry) => entry.label === 'Custom prompt…')?.disabled).toBe(true);
  });

  it('should send to the conversation picked instead', async () => {
    const ui = await mount('issue', [latest, older]);

    ui.choose('Continue the conversation…');
    ui.picker().value = 'older';
    ui.textarea().value = 'Go on';
    ui.submit();

    expect(ui.followUps()[0]).toMatchObject({ conversation: 'older', text: 'Go on' });
  });

  it('should keep the text with the error when nothing was sent', async () => {
    const ui = await mount('issue', [latest], {
      followUp: (_request, port) =>
        port.emit({
          type: 'followUp.result',
          reply: {
            ok: false,
            error: { code: 'agent_unavailable', message: 'The sandbox is in an error state.' },
          },
        }),
    });

    ui.choose('Continue the conversation…');
    ui.textarea().value = 'Please rebase';
    ui.submit();

    await vi.waitFor(() => expect(ui.dialog().textContent).toContain('The sandbox is in an error state.'));
    expect(ui.dialog().open).toBe(true);
    expect(ui.textarea().value).toBe('Please rebase');
  });

  it('should offer a new conversation with the context when the conversation was archived', async () => {
    const restart = {
      repository: 'octo-org/hello-world',
      title: 'Continued: PR #7: Fix login',
      message: 'This continues an earlier OpenHands conversation… Please rebase',
      source: { kind: 'pull', url: 'https://github.com/octo-org/hello-world/pull/7', number: 7 },
    };
    const ui = await mount('pull-timeline-threads', [latest], {
      followUp: (_request, port) =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: true, data: { kind: 'archived', record: running('latest'), restart } },
        }),
    });

    ui.choose('Continue the conversation…');
    ui.textarea().value = 'Please rebase';
    ui.submit();
    const offer = await vi.waitFor(() => {
      const found = [...ui.dialog().querySelectorAll('button')].find(
        (b) => b.textContent === 'Start a new conversation with this context' && !b.hidden,
      );
      if (!found) throw new Error('no offer yet');
      return found;
    });
    expect(ui.dialog().textContent).toContain('This conversation was archived');
    click(offer);

    expect(ui.dialog().open).toBe(false);
    await vi.waitFor(() =>
      expect(ui.sent.filter((r) => r.type === 'conversation.start')).toEqual([
        { type: 'conversation.start', input: restart, requestId: expect.any(String) },
      ]),
    );
    expect(ui.toast().textContent).toContain('Starting an OpenHands conversation');
  });

  it('should say why there are no follow-ups when every conversation is on a V0 server', async () => {
    const ui = await mount('pull-timeline-threads', [itemConversation({ apiVersion: 'v0' })]);

    const entries = ui.labels();
    expect(entries.map((entry) => entry.label)).not.toContain('Continue the conversation…');
    expect(entries.map((entry) => entry.label)).not.toContain('Send new review comments');
    expect(
      entries.find((entry) => entry.label === 'Follow-ups need OpenHands Cloud or a V1 server')?.disabled,
    ).toBe(true);
  });
});

describe('"Send new review comments"', () => {
  it('should send only what did not go to the conversation before, as one follow-up', async () => {
    const all = collectReviewActivity(loadFixture('pull-timeline-threads')).map((item) => item.id);
    const [first, ...rest] = all;
    const ui = await mount('pull-timeline-threads', [latest], {
      sent: [first as string],
      followUp: (_request, port) =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: true, data: { kind: 'sent', record: running('latest') } },
        }),
    });

    expect(ui.labels().map((entry) => entry.label)).toContain('Send new review comments');
    ui.choose('Send new review comments');

    await vi.waitFor(() => expect(ui.followUps()).toHaveLength(1));
    const request = ui.followUps()[0] as { conversation: string; text: string; reviewItemIds: string[] };
    expect(request.conversation).toBe('latest');
    expect(request.reviewItemIds).toEqual(expect.arrayContaining(rest));
    expect(request.reviewItemIds).not.toContain(first);
    expect(request.text).toContain('New review comments');
    await vi.waitFor(() => expect(ui.toast().textContent).toContain('Follow-up sent'));
  });

  it('should say "No new review comments" and send nothing when all went before', async () => {
    const all = collectReviewActivity(loadFixture('pull-timeline-threads')).map((item) => item.id);
    const ui = await mount('pull-timeline-threads', [latest], { sent: all });

    ui.choose('Send new review comments');

    await vi.waitFor(() => expect(ui.toast().textContent).toContain('No new review comments'));
    expect(ui.followUps()).toHaveLength(0);
  });

  it('should keep everything to be sent again when the delivery fails', async () => {
    const ui = await mount('pull-timeline-threads', [latest], {
      followUp: (_request, port) =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: false, error: { code: 'agent_unavailable', message: 'The agent is not available.' } },
        }),
    });

    ui.choose('Send new review comments');

    await vi.waitFor(() => expect(ui.toast().textContent).toContain('The agent is not available.'));
    expect(ui.toast().textContent).toContain('Could not send the follow-up');
  });

  it('should open the editor with the comments and the restart offer when the conversation was archived', async () => {
    const restart = { repository: 'octo-org/hello-world', title: 'Continued', message: 'This continues…' };
    const ui = await mount('pull-timeline-threads', [latest], {
      followUp: (_request, port) =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: true, data: { kind: 'archived', record: running('latest'), restart } },
        }),
    });

    ui.choose('Send new review comments');

    await vi.waitFor(() => expect(ui.dialog().open).toBe(true));
    expect(ui.textarea().value).toContain('New review comments');
    const offer = [...ui.dialog().querySelectorAll('button')].find(
      (b) => b.textContent === 'Start a new conversation with this context',
    );
    expect(offer?.hidden).toBe(false);
  });

  it('should not be offered on an issue', async () => {
    const ui = await mount('issue', [latest]);

    expect(ui.labels().map((entry) => entry.label)).not.toContain('Send new review comments');
  });
});

// The button itself is lib/content/threads' (tests/unit/lib/content/threads): a click hands the UI the thread's id
describe('"Ask OpenHands" on a review thread', () => {
  const askFirst = (ui: Awaited<ReturnType<typeof mount>>) => {
    const [first] = findReviewThreads(document);
    return ui.ui.askAboutThread(first?.id ?? '', ui.button.main);
  };

  it('should open the editor with the thread and send it as a follow-up to the PR’s conversation', async () => {
    const ui = await mount('pull-files-threads', [latest]);

    expect(askFirst(ui)).toBe(true);

    expect(ui.dialog().open).toBe(true);
    expect(ui.textarea().value).toContain('File: `src/auth/session.ts`, lines 42 to 43');
    expect(ui.textarea().value).toContain('@alice');
    expect(ui.textarea().value.endsWith('Your task: ')).toBe(true);
    expect(ui.dialog().textContent).toContain('src/auth/session.ts, lines 42–43');
    expect(ui.picker().value).toBe('latest');
    ui.textarea().value += 'Do what alice asks.';
    ui.submit();

    expect(ui.followUps()[0]).toMatchObject({ conversation: 'latest' });
    expect(String(ui.followUps()[0]?.text)).toContain('Do what alice asks.');
  });

  it('should start a conversation on the PR’s branch when the PR has none', async () => {
    const ui = await mount('pull-files-threads', []);

    expect(askFirst(ui)).toBe(true);
    expect([...ui.picker().options].map((option) => option.value)).toEqual(['new']);
    ui.textarea().value += 'Fix it.';
    ui.submit();

    await vi.waitFor(() => expect(ui.dialog().open).toBe(false));
    const [start] = ui.sent.filter((request) => request.type === 'conversation.start');
    expect(start).toMatchObject({ input: { repository: 'octo-org/hello-world', prNumber: 7 } });
    expect(JSON.stringify(start)).toContain('Fix it.');
    expect(ui.followUps()).toHaveLength(0);
  });

  it('should answer false, and open nothing, for a thread the page no longer has', async () => {
    const ui = await mount('pull-files-threads', [latest]);

    expect(ui.ui.askAboutThread('no-such-thread', ui.button.main)).toBe(false);
    // Not even the overlay was made
    expect(document.querySelector('[data-openhands-overlay]')).toBeNull();
  });
});
