import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsViewSchema } from '@/lib/protocol/messages';
import { BAD_REPLY, sendMessage } from '@/lib/protocol/send';
import { answerMessages } from '../../support/answer-messages';

const SETTINGS = {
  serverUrl: 'https://app.all-hands.dev',
  notifications: true,
  hasKey: true,
  keyHint: '…a1b2',
  keyHints: { 'https://app.all-hands.dev': '…a1b2' },
  isCloud: true,
};

/** Makes the background answer every message with `reply`, whatever it is. */
const backgroundAnswers = (reply: unknown) => answerMessages(() => reply as never);

describe('sendMessage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should pass on a reply that matches its schema', async () => {
    backgroundAnswers({ ok: true, data: SETTINGS });

    const actual = await sendMessage({ type: 'settings.get' }, settingsViewSchema);

    expect(actual).toEqual({ ok: true, data: SETTINGS });
  });

  it.each([
    ['data of the wrong shape', { ok: true, data: { ...SETTINGS, hasKey: 'yes' } }],
    ['data missing', { ok: true }],
    ['no envelope', SETTINGS],
    ['a bare string', 'ok'],
    ['an error without a message', { ok: false, error: { code: 'x' } }],
  ])('should answer with an error for %s', async (_name, reply) => {
    backgroundAnswers(reply);

    const actual = await sendMessage({ type: 'settings.get' }, settingsViewSchema);

    expect(actual).toEqual({ ok: false, error: BAD_REPLY });
  });

  it("should pass on the background's error, without fields of the wrong type", async () => {
    backgroundAnswers({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'Too many requests.',
        retryAfterSeconds: 30,
        action: 'delete-everything',
        url: 'javascript:alert(1)',
      },
    });

    const actual = await sendMessage({ type: 'settings.get' }, settingsViewSchema);

    expect(actual).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Too many requests.', retryAfterSeconds: 30 },
    });
  });

  it('should show the message of an error whose code this page does not know, as unknown', async () => {
    backgroundAnswers({ ok: false, error: { code: 'quota_exceeded', message: 'Storage is full.' } });

    const actual = await sendMessage({ type: 'settings.get' }, settingsViewSchema);

    expect(actual).toEqual({ ok: false, error: { code: 'unknown', message: 'Storage is full.' } });
  });

  it('should say the extension did not answer when nothing listens', async () => {
    const actual = await sendMessage({ type: 'settings.get' }, settingsViewSchema);

    expect(actual).toEqual({
      ok: false,
      error: { code: 'no_reply', message: 'The extension did not answer. Try again.' },
    });
  });
});
