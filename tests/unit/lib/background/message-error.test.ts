import { describe, expect, it } from 'vitest';
import { toMessageError } from '@/lib/background/message-error';
import { createOpenHandsError } from '@/lib/errors/error';

const server = async () => 'https://openhands.example';

describe('toMessageError', () => {
  it('should link the concurrency limit to the server’s home page, which lists the conversations', async () => {
    const actual = await toMessageError(
      createOpenHandsError('concurrency_limit', { limit: 3, current: 3 }),
      server,
    );
    expect(actual).toMatchObject({
      code: 'concurrency_limit',
      limit: 3,
      current: 3,
      action: 'conversations',
      // The web app routes `/` and `/conversations/:id`, not `/conversations`.
      url: 'https://openhands.example/',
    });
    expect(actual.message).toContain('3 of 3');
  });

  it('should pass other errors through', async () => {
    const actual = await toMessageError(createOpenHandsError('no_key'), server);
    expect(actual).toEqual({ code: 'no_key', message: expect.any(String), action: 'options' });
  });

  it('should never carry the text of an unexpected error', async () => {
    const actual = await toMessageError(new Error('secret-key-in-a-message'), server);
    expect(JSON.stringify(actual)).not.toContain('secret-key');
  });
});
