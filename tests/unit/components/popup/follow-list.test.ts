import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followList } from '@/components/popup/follow-list';
import { LIST_PORT } from '@/lib/protocol/messages';

/** Stands in for `runtime.connect`: each port can be closed from the background's end. */
function recordPorts() {
  const ports: { name: string; disconnect: ReturnType<typeof vi.fn>; closeFromBackground(): void }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const listeners: (() => void)[] = [];
    const port = {
      name: info?.name ?? '',
      disconnect: vi.fn(),
      onDisconnect: { addListener: (listener: () => void) => listeners.push(listener) },
      closeFromBackground: () => {
        for (const listener of listeners) listener();
      },
    };
    ports.push(port);
    return port as unknown as Browser.runtime.Port;
  }) as typeof fakeBrowser.runtime.connect);
  return ports;
}

describe('following the list', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = 0;
  });

  it('should open the list port, and close it when told to', () => {
    const ports = recordPorts();
    const stop = followList(now);
    expect(ports.map((port) => port.name)).toEqual([LIST_PORT]);
    stop();
    expect(ports[0]?.disconnect).toHaveBeenCalled();
  });

  it('should open it again when the service worker stops, which starts the worker again', () => {
    const ports = recordPorts();
    followList(now);
    clock += 30_000;
    ports[0]?.closeFromBackground();
    expect(ports).toHaveLength(2);
  });

  it('should not open it again when it is closed at once (refused), nor after it was closed here', () => {
    const ports = recordPorts();
    const stop = followList(now);
    ports[0]?.closeFromBackground();
    expect(ports).toHaveLength(1);

    const ports2 = recordPorts();
    const stop2 = followList(now);
    clock += 30_000;
    stop2();
    ports2[0]?.closeFromBackground();
    expect(ports2).toHaveLength(1);
    stop();
  });

  it('should do without when there is no background to connect to', () => {
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(() => followList(now)()).not.toThrow();
  });
});
