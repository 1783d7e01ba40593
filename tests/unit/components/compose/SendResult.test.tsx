import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SendResult } from '@/components/compose/SendResult';
import { conversationsItem } from '@/lib/storage/conversations';
import { makeRecord } from '../../factories/conversation-record';
import { answerMessages } from '../../support/answer-messages';

const starting = makeRecord({ id: 't1', taskId: 't1', startStatus: 'WAITING_FOR_SANDBOX' });
const other = makeRecord({ id: 'other', taskId: 'other', title: 'Another start', startStatus: 'READY' });

const status = () => screen.getByRole('status').textContent;

describe('SendResult', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it('should follow the start as the background stores it until the conversation runs, then link to it', async () => {
    const received = answerMessages(() => ({ ok: true, data: null }));
    await conversationsItem.setValue([starting, other]);
    render(<SendResult record={starting} onClose={vi.fn()} />);
    const link = screen.getByRole('link', { name: 'Open conversation' });
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/task-t1');
    expect(status()).toBe('Waiting for sandbox…');

    await conversationsItem.setValue([{ ...starting, startStatus: 'PREPARING_REPOSITORY' }, other]);
    await waitFor(() => expect(status()).toBe('Preparing repository…'));
    await conversationsItem.setValue([
      other,
      { ...starting, state: 'running', startStatus: 'READY', conversationId: 'c9' },
    ]);
    await waitFor(() => expect(status()).toBe('Running'));
    expect(link.getAttribute('href')).toBe('https://app.all-hands.dev/conversations/c9');
    // Storage tells it all: the background is never asked.
    expect(received).toEqual([]);
  });

  it('should show why a start failed', async () => {
    render(<SendResult record={starting} onClose={vi.fn()} />);
    await conversationsItem.setValue([
      { ...starting, state: 'error', startStatus: 'ERROR', detail: 'Sandbox failed to start' },
    ]);
    await waitFor(() => expect(status()).toBe('Error'));
    expect(screen.getByText('Sandbox failed to start')).toBeTruthy();
  });

  it('should keep the last stage seen when the record is unreadable or no longer stored', async () => {
    await conversationsItem.setValue([{ ...starting, startStatus: 'PREPARING_REPOSITORY' }]);
    render(<SendResult record={starting} onClose={vi.fn()} />);
    await waitFor(() => expect(status()).toBe('Preparing repository…'));
    await fakeBrowser.storage.local.set({ conversations: [{ ...starting, state: 'exploded' }] });
    await conversationsItem.setValue([other]);
    await conversationsItem.removeValue();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(status()).toBe('Preparing repository…');
    expect(screen.getByRole('link', { name: 'Open conversation' }).getAttribute('href')).toBe(
      'https://app.all-hands.dev/conversations/task-t1',
    );
  });

  it('should say the conversation has no repository, rather than show an empty name', () => {
    render(<SendResult record={{ ...starting, repository: null }} onClose={vi.fn()} />);
    expect(screen.getByText(/Sent to OpenHands/).closest('p')?.textContent).toBe(
      'Sent to OpenHands — no repository',
    );
  });
});
