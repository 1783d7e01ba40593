import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { Reply, Request, SettingsView } from '@/lib/protocol/messages';
import { testOrigin } from '../../../support/origin';
import { answerMessages } from '../../support/answer-messages';

const SETTINGS: SettingsView = {
  serverUrl: testOrigin('https://app.all-hands.dev'),
  notifications: true,
  hasKey: true,
  keyHint: '…a1b2',
  keyHints: { 'https://app.all-hands.dev': '…a1b2' },
  isCloud: true,
};
const CANNOT_READ = /answered with something this page cannot read/;

/** A background answering `settings.get` and `connection.test` with what the test gives. */
function background(replies: { settings: unknown; report?: unknown }) {
  return answerMessages((request: Request) => {
    if (request.type === 'settings.get') return replies.settings as Reply<unknown>;
    if (request.type === 'connection.test') return replies.report as Reply<unknown>;
    return { ok: false, error: { code: 'bad_request', message: 'unexpected' } };
  });
}

describe('OptionsApp', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => cleanup());

  it('should show the stored settings', async () => {
    background({ settings: { ok: true, data: SETTINGS } });
    render(<OptionsApp />);
    expect(await screen.findByLabelText('Server URL')).toHaveProperty('value', SETTINGS.serverUrl);
    expect(screen.getByLabelText('API key').getAttribute('placeholder')).toContain('…a1b2');
  });

  it('should show an error, not a form with wrong values, when the settings reply is malformed', async () => {
    background({ settings: { ok: true, data: { ...SETTINGS, serverUrl: undefined, hasKey: 'no' } } });
    render(<OptionsApp />);
    expect((await screen.findByRole('alert')).textContent).toMatch(CANNOT_READ);
    expect(screen.queryByLabelText('Server URL')).toBeNull();
    expect(screen.queryByText('Loading settings…')).toBeNull();
  });

  it('should show an error when the connection report is malformed', async () => {
    background({ settings: { ok: true, data: SETTINGS }, report: { ok: true, data: { summary: 42 } } });
    render(<OptionsApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(CANNOT_READ);
  });

  it('should refuse a key pasted with an invisible character, say where, and send nothing', async () => {
    const sent = background({ settings: { ok: true, data: SETTINGS } });
    render(<OptionsApp />);
    const field = await screen.findByLabelText('API key');
    await userEvent.type(field, 'sk-oh-abc\u200b123');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(
      screen.getByText(/contains an invisible character \(U\+200B\) at character 10/).id,
    );
    expect(screen.queryByText('Saved')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(sent.map((request) => request.type)).toEqual(['settings.get']);
  });

  it('should save a key pasted with “Bearer ” and a line break as the key alone', async () => {
    const sent = background({ settings: { ok: true, data: SETTINGS } });
    render(<OptionsApp />);
    await userEvent.type(await screen.findByLabelText('API key'), 'Bearer sk-oh-abc123{enter}');

    await waitFor(() =>
      expect(sent.find((request) => request.type === 'settings.save')).toMatchObject({
        apiKey: 'sk-oh-abc123',
      }),
    );
  });
});
