import type { FollowPort } from '@/lib/content/ui/start/record-watch';

/** A port as the page holds it, plus what a test does as the background: post to it, end it. */
export type FakePort = FollowPort & {
  name: string;
  posted: unknown[];
  disconnected: boolean;
  /** The background posts `message`. */
  emit(message: unknown): void;
  /** The background ends the port. */
  end(): void;
};

/** `runtime.connect` as the UI uses it, recording every port; `onConnect` plays the background. */
export function fakeConnect(onConnect: (port: FakePort) => void = () => {}) {
  const ports: FakePort[] = [];
  const connect = (name: string): FakePort => {
    const messageListeners: ((message: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    const port: FakePort = {
      name,
      posted: [],
      disconnected: false,
      postMessage(message) {
        port.posted.push(message);
      },
      disconnect() {
        port.disconnected = true;
      },
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
      onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
      emit(message) {
        if (!port.disconnected) for (const listener of messageListeners) listener(message);
      },
      end() {
        if (port.disconnected) return;
        port.disconnected = true;
        for (const listener of disconnectListeners) listener();
      },
    };
    ports.push(port);
    onConnect(port);
    return port;
  };
  const named = (name: string) => ports.filter((port) => port.name === name);
  return { connect, ports, named };
}
