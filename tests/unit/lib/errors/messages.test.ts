// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '@/lib/errors/codes';
import { EXTENSION_MESSAGES, errorMessage, SPECIFIC_ERRORS } from '@/lib/errors/messages';
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
