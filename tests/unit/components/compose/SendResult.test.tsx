import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SendResult, STAGE_POLL_MS } from '@/components/compose/SendResult';
import type { ConversationRecord } from '@/lib/conversations/record';
import { makeRecord } from '../../factories/conversation-record';
import { answerMessages, ofType } from '../../support/answer-messages';

const starting = makeRecord({ id: 't1', taskId: 't1', startStatus: 'WAITING_FOR_SANDBOX' });

/** Lets the next poll run and its answer arrive. */
const nextPoll = () => act(() => vi.advanceTimersByTimeAsync(STAGE_POLL_MS + 10));

describe('SendResult', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('should follow the start until the conversation runs, then link to it', async () => {
    const updates: ConversationRecord[] = [
      { ...starting, startStatus: 'PREPARING_REPOSITORY' },
      { ...starting, state: 'running', startStatus: 'READY', conversationId: 'c9' },
    ];
    const received = answerMessages(() => ({ ok: true, data: updates.shift() ?? null }));
    render(<SendResult record={starting} onClose={vi.fn()} />);
    const link = screen.getByRole('link', { name: 'Open conversation' });
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/task-t1');
    expect(screen.getByRole('status').textContent).toBe('Waiting for sandbox…');

    await nextPoll();
    expect(screen.getByRole('status').textContent).toBe('Preparing repository…');
    await nextPoll();
    expect(screen.getByRole('status').textContent).toBe('Running');
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/c9');

    await nextPoll();
    expect(ofType(received, 'conversation.get')).toHaveLength(2);
  });

  it('should show why a start failed', async () => {
    answerMessages(() => ({
      ok: true,
      data: { ...starting, state: 'error', startStatus: 'ERROR', detail: 'Sandbox failed to start' },
    }));
    render(<SendResult record={starting} onClose={vi.fn()} />);
    await nextPoll();
    expect(screen.getByRole('status').textContent).toBe('Error');
    expect(screen.getByText('Sandbox failed to start')).toBeTruthy();
  });

  it('should keep the last good stage when a poll answers something malformed', async () => {
    const received = answerMessages(() => ({ ok: true, data: { ...starting, state: 'exploded' } }));
    render(<SendResult record={starting} onClose={vi.fn()} />);
    await nextPoll();
    expect(screen.getByRole('status').textContent).toBe('Waiting for sandbox…');
    expect(screen.getByRole('link', { name: 'Open conversation' }).getAttribute('href')).toBe(
      'https://app.all-hands.dev/conversations/task-t1',
    );
    await nextPoll();
    expect(ofType(received, 'conversation.get')).toHaveLength(2);
  });

  it('should say the conversation has no repository, rather than show an empty name', () => {
    answerMessages(() => ({ ok: true, data: null }));
    render(<SendResult record={{ ...starting, repository: null }} onClose={vi.fn()} />);
    expect(screen.getByText(/Sent to OpenHands/).closest('p')?.textContent).toBe(
      'Sent to OpenHands — no repository',
    );
  });
});
