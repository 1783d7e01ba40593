// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { watchServerAnswers } from '@/lib/background/polling/server-answers';

describe('watchServerAnswers', () => {
  it('should say a server is back on its first good answer after failures, and only then', async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => new Response('{}'),
      async () => {
        throw new TypeError('Failed to fetch');
      },
      async () => new Response('', { status: 503 }),
      async () => new Response('{}'),
      async () => new Response('{}'),
    ];
    const onBack = vi.fn();
    const fetch = watchServerAnswers(() => (answers.shift() as () => Promise<Response>)(), onBack);

    for (let i = 0; i < 5; i++) await fetch('https://oh.example/api/v1/x').catch(() => undefined);

    expect(onBack.mock.calls).toEqual([['https://oh.example']]);
  });
});
