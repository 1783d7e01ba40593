import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComposeApp } from '@/components/compose/ComposeApp';
import type { Reply, Request } from '@/lib/protocol/messages';
import { answerMessages } from '../../support/answer-messages';

const DRAFT = {
  text: 'line one\nline two',
  url: 'https://docs.example.com/design',
  createdAt: '2026-11-28T10:00:00Z',
};

const SETTINGS = {
  serverUrl: 'https://app.all-hands.dev',
  notifications: true,
  hasKey: true,
  keyHint: '…a1b2',
  keyHints: { 'https://app.all-hands.dev': '…a1b2' },
  isCloud: true,
};

/** The background as the compose page sees it, with one stored draft, `d1`. */
function background(request: Request): Reply<unknown> {
  switch (request.type) {
    case 'draft.get':
      return request.id === 'd1'
        ? { ok: true, data: DRAFT }
        : { ok: false, error: { code: 'not_found', message: 'This selection is no longer available.' } };
    case 'repos.recent':
      return { ok: true, data: ['last/used'] };
    case 'settings.get':
      return { ok: true, data: SETTINGS };
    default:
      return { ok: false, error: { code: 'bad_request', message: 'unexpected' } };
  }
}

describe('ComposeApp', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it('should load the draft named in the URL', async () => {
    const received = answerMessages(background);
    render(<ComposeApp search="?draft=d1" onClose={vi.fn()} />);
    const text = await screen.findByLabelText('Text');
    expect(text).toHaveProperty('value', DRAFT.text);
    expect(screen.getByLabelText('Repository')).toHaveProperty('value', 'last/used');
    expect(received).toContainEqual({ type: 'draft.get', id: 'd1' });
  });

  it('should say so when the draft is gone', async () => {
    answerMessages(background);
    render(<ComposeApp search="?draft=gone" onClose={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toContain('no longer available');
    expect(screen.queryByLabelText('Text')).toBeNull();
  });

  it('should close the window on Escape', async () => {
    answerMessages(background);
    const onClose = vi.fn();
    render(<ComposeApp search="?draft=d1" onClose={onClose} />);
    await screen.findByLabelText('Text');
    await userEvent.setup().keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('should say so, rather than show a form with wrong values, when the draft reply is malformed', async () => {
    answerMessages((request) =>
      request.type === 'draft.get' ? { ok: true, data: { text: 42 } } : background(request),
    );
    render(<ComposeApp search="?draft=d1" onClose={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot read/);
    expect(screen.queryByLabelText('Text')).toBeNull();
  });

  it('should offer no recent repositories when their reply is malformed', async () => {
    answerMessages((request) =>
      request.type === 'repos.recent' ? { ok: true, data: [{ name: 'x' }] } : background(request),
    );
    render(<ComposeApp search="?draft=d1" onClose={vi.fn()} />);
    expect(await screen.findByLabelText('Text')).toHaveProperty('value', DRAFT.text);
    expect(screen.getByLabelText('Repository')).toHaveProperty('value', '');
    expect(document.querySelectorAll('datalist option')).toHaveLength(0);
  });
});
