// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ERROR_CODES, isErrorCode } from '@/lib/errors/codes';
import { EXTENSION_MESSAGES, errorMessage, SPECIFIC_ERRORS } from '@/lib/errors/messages';
import { chromeMessages, getMessageFrom } from '../../../support/i18n';
import { testOrigin } from '../../../support/origin';

describe('the message table', () => {
  it.each(ERROR_CODES)('should have a text for %s', (code) => {
    expect(errorMessage(code).length).toBeGreaterThan(20);
  });

  it('should use the one code list for the texts that travel under a general code', () => {
    for (const { code } of Object.values(SPECIFIC_ERRORS)) expect(isErrorCode(code)).toBe(true);
  });

  // The texts of failures the extension finds itself, as pages and the GitHub page showed them before.
  it.each([
    ['no_reply', {}, 'The extension did not answer. Try again.'],
    ['reloaded', {}, 'Send to OpenHands was updated or reloaded. Reload this page and try again.'],
    [
      'bad_reply',
      {},
      'Send to OpenHands answered with something this page cannot read. Reload the page and try again; if it keeps happening, reload the extension.',
    ],
    [
      'permission_denied',
      { server: testOrigin('http://localhost:3000') },
      'Send to OpenHands needs your permission to reach http://localhost:3000. Try again and choose “Allow”.',
    ],
    ['no_draft', {}, 'This window was not opened for a selection, so your edits cannot be kept.'],
    [
      'too_long',
      { limit: 100_000 },
      'The text is longer than can be kept (100,000 characters), so your edits cannot be kept.',
    ],
  ] as const)('%s: should say so as before', (code, ctx, text) => {
    expect(errorMessage(code, ctx)).toBe(text);
  });

  it('should give the same texts from the pages’ own table', () => {
    const ctx = { server: testOrigin('http://localhost:3000'), limit: 100_000 };
    for (const [code, text] of Object.entries(EXTENSION_MESSAGES))
      expect(text(ctx)).toBe(errorMessage(code as keyof typeof EXTENSION_MESSAGES, ctx));
  });

  it.each([
    ['untrustedSender', 'forbidden', 'This sender may not talk to Send to OpenHands.'],
    ['notFromGitHubPages', 'forbidden', 'GitHub pages may not send this message.'],
    ['malformedRequest', 'bad_request', 'The extension received a message it does not understand.'],
    [
      'draftGone',
      'not_found',
      'This selection is no longer available (the browser may have restarted). Select the text again and choose “Send selection to OpenHands”.',
    ],
  ] as const)('%s: should travel as %s with its own text', (name, code, message) => {
    expect(SPECIFIC_ERRORS[name]).toEqual({ code, message });
  });
});

describe('the message table in another language', () => {
  /** The browser of a German user, for the rest of the test (the config restores spies after each). */
  async function inGerman() {
    const german = getMessageFrom(await chromeMessages('de'));
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(german as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de');
  }

  it('should read the words when a text is made, in the browser’s language, counts included', async () => {
    await inGerman();

    expect(errorMessage('rate_limited', { retryAfterSeconds: 1 })).toBe(
      'Das Anfragelimit von OpenHands ist erreicht. Versuchen Sie es in 1 Sekunde erneut.',
    );
    expect(errorMessage('too_long', { limit: 100_000 })).toBe(
      'Der Text ist zu lang zum Speichern (100.000 Zeichen), daher können Ihre Änderungen nicht gespeichert werden.',
    );
    expect(SPECIFIC_ERRORS.draftGone.message).toBe(
      'Diese Auswahl ist nicht mehr verfügbar (möglicherweise wurde der Browser neu gestartet). Markieren Sie den Text erneut und wählen Sie „Auswahl an OpenHands senden“.',
    );
  });
});
