import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { Reply, Request, SettingsView } from '@/lib/messages';
import { answerMessages } from '../../support/answer-messages';

const SETTINGS: SettingsView = {
  serverUrl: 'https://app.all-hands.dev',
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
});
