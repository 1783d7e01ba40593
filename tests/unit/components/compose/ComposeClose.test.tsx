import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeApp } from '@/components/compose/ComposeApp';
import { SAVE_DELAY_MS } from '@/components/compose/use-draft-edits';
import { loadDraft, saveDraft, saveDraftEdits } from '@/lib/background/selection/drafts';
import type { Reply, Request } from '@/lib/protocol/messages';
import { newDraft } from '@/lib/storage/draft';
import { makeRecord } from '../../factories/conversation-record';
import { answerMessages, ofType } from '../../support/answer-messages';

const SELECTION = 'TypeError: boom\n    at parse (src/parse.ts:10:5)';
const PAGE = 'https://ci.example.com/builds/42';
const SETTINGS = {
  serverUrl: 'https://app.all-hands.dev',
  notifications: true,
  hasKey: true,
  keyHint: '…a1b2',
  keyHints: { 'https://app.all-hands.dev': '…a1b2' },
  isCloud: true,
};
const NOT_KEPT = { code: 'unknown' as const, message: 'Session storage is full.' };

/**
 * The background as the compose window talks to it: drafts in (fake) session storage through the real draft
 * store, as the menu click leaves them; `saveFails` makes keeping edits fail.
 */
function background(options: { saveFails?: boolean } = {}) {
  return answerMessages(async (request: Request): Promise<Reply<unknown>> => {
    try {
      switch (request.type) {
        case 'draft.get':
          return { ok: true, data: await loadDraft(request.id) };
        case 'draft.save':
          if (options.saveFails) return { ok: false, error: NOT_KEPT };
          return { ok: true, data: await saveDraftEdits(request.id, request.fields, new Date()) };
        case 'repos.recent':
          return { ok: true, data: [] };
        case 'settings.get':
          return { ok: true, data: SETTINGS };
        case 'conversation.start':
          return { ok: true, data: makeRecord({ id: 'task1', taskId: 'task1' }) };
        default:
          return { ok: true, data: null };
      }
    } catch (error) {
      return { ok: false, error: { code: 'not_found', message: (error as Error).message } };
    }
  });
}

/** Opens the compose window for a selection, as the menu does; resolves once the form shows. */
async function openCompose(id: string) {
  const onClose = vi.fn();
  render(<ComposeApp search={`?draft=${id}`} onClose={onClose} />);
  const text = await screen.findByLabelText('Text');
  return { onClose, text, user: userEvent.setup() };
}

const question = () => screen.queryByRole('alertdialog', { name: 'Close without sending?' });

describe('closing the compose window', () => {
  let id: string;
  beforeEach(async () => {
    fakeBrowser.reset();
    id = await saveDraft(newDraft(SELECTION, PAGE, new Date()));
  });
  afterEach(() => cleanup());

  it('should close at once on Escape when nothing was edited', async () => {
    background();
    const { onClose, user } = await openCompose(id);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(question()).toBeNull();
  });

  it('should ask on Escape after an edit, saying the edits are kept, and go back to editing', async () => {
    background();
    const { onClose, text, user } = await openCompose(id);
    await user.type(text, '\nIt started after the upgrade.');
    await user.keyboard('{Escape}');

    const dialog = await screen.findByRole('alertdialog', { name: 'Close without sending?' });
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog.textContent).toContain('Your edits are kept');
    const keepEditing = within(dialog).getByRole('button', { name: 'Keep editing' });
    expect(document.activeElement).toBe(keepEditing);

    await user.click(keepEditing);
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(text);
    expect(text).toHaveProperty('value', `${SELECTION}\nIt started after the upgrade.`);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('should keep editing when Escape is pressed again while asking', async () => {
    background();
    const { onClose, text, user } = await openCompose(id);
    await user.type(text, ' edited');
    await user.keyboard('{Escape}');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(question()).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('should ask on Cancel too', async () => {
    background();
    const { onClose, user } = await openCompose(id);
    await user.type(screen.getByLabelText('Branch'), 'fix/boom');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('alertdialog', { name: 'Close without sending?' })).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('should close when told to, and bring the edits back when the window opens again', async () => {
    const received = background();
    const first = await openCompose(id);
    await first.user.type(first.text, '\nIt started after the upgrade.');
    await first.user.type(screen.getByLabelText('Repository'), 'octo-org/hello-world');
    await first.user.selectOptions(screen.getByLabelText('Action'), 'Explain');
    await first.user.keyboard('{Escape}');
    await first.user.click(await screen.findByRole('button', { name: 'Close' }));
    expect(first.onClose).toHaveBeenCalledOnce();
    expect(ofType(received, 'draft.save').at(-1)?.fields).toMatchObject({ action: 'explain' });
    cleanup();

    // The same selection sent again from the menu opens the same draft, with the edits.
    const again = await saveDraft(newDraft(SELECTION, PAGE, new Date()));
    const second = await openCompose(again);
    expect(again).toBe(id);
    expect(second.text).toHaveProperty('value', `${SELECTION}\nIt started after the upgrade.`);
    expect(screen.getByLabelText('Repository')).toHaveProperty('value', 'octo-org/hello-world');
    expect(screen.getByLabelText('Action')).toHaveProperty('value', 'explain');
    expect(screen.getByRole('status').textContent).toContain(
      'Your earlier edits to this selection are back.',
    );

    await second.user.click(screen.getByRole('button', { name: 'Start over from the selection' }));
    expect(second.text).toHaveProperty('value', SELECTION);
    expect(screen.getByLabelText('Action')).toHaveProperty('value', 'fix');
  });

  it('should say the edits will be lost when they could not be kept', async () => {
    background({ saveFails: true });
    const { onClose, text, user } = await openCompose(id);
    await user.type(text, ' edited');
    await user.keyboard('{Escape}');

    const dialog = await screen.findByRole('alertdialog', { name: 'Close without sending?' });
    expect(dialog.textContent).toContain('Your edits will be lost. Session storage is full.');
    expect(screen.getByRole('note').textContent).toBe(
      'Your edits could not be kept: Session storage is full.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Discard edits and close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('should say the edits will be lost in a window opened without a selection', async () => {
    background();
    const onClose = vi.fn();
    render(<ComposeApp search="" onClose={onClose} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Text'), 'typed by hand');
    await user.keyboard('{Escape}');
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Your edits will be lost.');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('should keep what was sent with the draft as it sends, and send nothing once sent', async () => {
    const received = background();
    const { text, user } = await openCompose(id);
    await user.type(text, ' edited{Control>}{Enter}{/Control}');
    await screen.findByRole('link', { name: 'Open conversation' });
    const sentBeforeTheLink = received.length;
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 100));

    expect(received).toHaveLength(sentBeforeTheLink);
    expect(ofType(received, 'draft.save').at(-1)?.fields.text).toBe(`${SELECTION} edited`);
  });

  it('should close without asking once the text was sent', async () => {
    background();
    const { onClose, text, user } = await openCompose(id);
    await user.type(text, ' edited{Control>}{Enter}{/Control}');
    await screen.findByRole('link', { name: 'Open conversation' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });
});
