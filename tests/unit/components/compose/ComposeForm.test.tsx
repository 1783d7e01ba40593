import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeForm } from '@/components/compose/ComposeForm';
import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-input';
import type { Reply, Request } from '@/lib/protocol/messages';
import type { Draft } from '@/lib/storage/draft';
import { makeRecord } from '../../factories/conversation-record';
import { answerMessages, ofType } from '../../support/answer-messages';

const TRACE = 'TypeError: boom\n    at parse (src/parse.ts:10:5)';
const draft = (overrides: Partial<Draft> = {}): Draft => ({
  text: TRACE,
  url: 'https://ci.example.com/builds/42',
  createdAt: '2026-11-28T10:00:00.000Z',
  ...overrides,
});
const started = makeRecord({ id: 'task1', taskId: 'task1', repository: 'octo-org/hello-world' });

/** A background that starts every conversation successfully. */
const succeed = (request: Request): Reply<unknown> =>
  request.type === 'conversation.start' ? { ok: true, data: started } : { ok: true, data: null };

function renderForm(props: Partial<Parameters<typeof ComposeForm>[0]> = {}) {
  const onClose = vi.fn();
  render(
    <ComposeForm
      draft={draft()}
      draftId="d1"
      recent={['last/used', 'older/one']}
      onClose={onClose}
      {...props}
    />,
  );
  return { onClose, user: userEvent.setup() };
}

describe('ComposeForm', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it('should show the selection, its source and the last repository used', () => {
    renderForm();
    expect(screen.getByLabelText('Text')).toHaveProperty('value', TRACE);
    expect(screen.getByLabelText('Source URL')).toHaveProperty('value', 'https://ci.example.com/builds/42');
    expect(screen.getByLabelText('Repository')).toHaveProperty('value', 'last/used');
    expect(screen.getByLabelText('Branch')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Action')).toHaveProperty('value', 'fix');
    const options = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['last/used', 'older/one']);
  });

  it('should pre-fill the repository of a GitHub page', () => {
    renderForm({ draft: draft({ url: 'https://github.com/octo-org/hello-world/issues/9' }) });
    expect(screen.getByLabelText('Repository')).toHaveProperty('value', 'octo-org/hello-world');
  });

  it('should show a bad repository next to its field and send nothing', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm();
    const repository = screen.getByLabelText('Repository');
    await user.clear(repository);
    await user.type(repository, 'not-a-repo');
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    expect(repository.getAttribute('aria-invalid')).toBe('true');
    const describedBy = repository.getAttribute('aria-describedby')?.split(' ') ?? [];
    const error = describedBy.map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(error).toContain('Repository must look like owner/repo');
    expect(document.activeElement).toBe(repository);
    expect(ofType(received, 'conversation.start')).toEqual([]);
  });

  it('should refuse an empty selection', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm({ draft: draft({ text: '' }) });
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    expect(screen.getByLabelText('Text').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/There is no text to send/)).toBeTruthy();
    expect(received).toEqual([]);
  });

  it('should clear a field’s error when it is edited', async () => {
    const { user } = renderForm({ recent: [] });
    await user.type(screen.getByLabelText('Repository'), 'no-slash');
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    const repository = screen.getByLabelText('Repository');
    expect(repository.getAttribute('aria-invalid')).toBe('true');
    await user.type(repository, 'o');
    expect(repository.getAttribute('aria-invalid')).toBeNull();
  });

  it('should say before sending that too-long text will be cut', () => {
    renderForm({ draft: draft({ text: 'x'.repeat(MAX_MESSAGE_CHARS + 500) }) });
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(/middle [\d,]+ characters will be left out/);
    expect(screen.getByLabelText('Text').getAttribute('aria-describedby')).toContain(note.id);
  });

  it('should send with Ctrl+Enter in the text, with the edited fields', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Branch'), 'fix/boom');
    await user.selectOptions(screen.getByLabelText('Action'), 'Investigate and report');
    await user.type(screen.getByLabelText('Text'), '{Control>}{Enter}{/Control}');
    const [start] = ofType(received, 'conversation.start');
    expect(start?.input).toMatchObject({
      repository: 'last/used',
      branch: 'fix/boom',
      source: { kind: 'selection', url: 'https://ci.example.com/builds/42' },
    });
    expect(start?.input.message).toContain(TRACE);
    expect(start?.input.message).toContain('Investigate');
  });

  it('should send without a repository when the field is left empty', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm();
    await user.clear(screen.getByLabelText('Repository'));
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    const [start] = ofType(received, 'conversation.start');
    expect(start?.input).toBeDefined();
    expect(start?.input).not.toHaveProperty('repository');
    expect(start?.input.message).toContain(TRACE);
    expect(start?.input.message).not.toMatch(/repository/i);
  });

  it('should not send on a plain Enter in the text', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Text'), '{Enter}more');
    expect(ofType(received, 'conversation.start')).toEqual([]);
    expect(screen.getByLabelText('Text')).toHaveProperty('value', `${TRACE}\nmore`);
  });

  it('should send with Enter in the repository field', async () => {
    const received = answerMessages(succeed);
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Repository'), '{Enter}');
    expect(ofType(received, 'conversation.start')).toHaveLength(1);
  });

  it('should show progress while sending, then the conversation link', async () => {
    let finish: (reply: Reply<unknown>) => void = () => {};
    answerMessages((request) =>
      request.type === 'conversation.start' ? new Promise((resolve) => (finish = resolve)) : succeed(request),
    );
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    const button = screen.getByRole('button', { name: 'Sending…' });
    expect(button).toHaveProperty('disabled', true);
    finish({ ok: true, data: started });
    const link = await screen.findByRole('link', { name: 'Open conversation' });
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/task-task1');
  });

  it('should show the background’s error and keep the text', async () => {
    answerMessages(() => ({
      ok: false,
      error: { code: 'no_key', message: 'Set your OpenHands API key in the options.', action: 'options' },
    }));
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Text'), ' edited');
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Set your OpenHands API key');
    expect(screen.getByRole('button', { name: 'Open extension options' })).toBeTruthy();
    expect(screen.getByLabelText('Text')).toHaveProperty('value', `${TRACE} edited`);
    expect(screen.getByRole('button', { name: 'Send to OpenHands' })).toHaveProperty('disabled', false);
  });

  it('should say the start may have happened, not show a broken result, when the start reply is malformed', async () => {
    answerMessages(() => ({ ok: true, data: { id: 'task1', state: 'launched' } }));
    const { user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Send to OpenHands' }));
    const alert = (await screen.findByRole('alert')).textContent;
    expect(alert).toMatch(/could not be read, so it is unclear whether the conversation started/);
    expect(alert).not.toMatch(/try again/i);
    expect(screen.queryByRole('link', { name: 'Open conversation' })).toBeNull();
    expect(screen.getByLabelText('Text')).toHaveProperty('value', TRACE);
  });
});
