import { useCallback, useState } from 'react';
import type { MessageError } from '@/lib/errors/error';
import type { Reply } from '@/lib/protocol/messages';

export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: MessageError };

/** Runs a message round-trip and tracks its state for the UI: pending, done or failed. */
export function useAsync<T, A extends unknown[]>(run: (...args: A) => Promise<Reply<T>>) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'idle' });
  const start = useCallback(
    async (...args: A) => {
      setState({ status: 'pending' });
      const reply = await run(...args);
      setState(reply.ok ? { status: 'done', data: reply.data } : { status: 'failed', error: reply.error });
      return reply;
    },
    [run],
  );
  return [state, start, setState] as const;
}
