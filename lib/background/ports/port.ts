import type { Sender } from '@/lib/background/messaging/sender';

/** The parts of `runtime.Port` the background's port servers use; `M` is what they post. */
export type BackgroundPort<M> = {
  readonly name: string;
  readonly sender?: Sender;
  postMessage(message: M): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: { addListener(listener: () => void): void };
};
