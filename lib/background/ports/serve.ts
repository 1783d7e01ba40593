import { classifySender, type ExtensionIdentity } from '@/lib/background/messaging/sender';
import type { BackgroundPort } from '@/lib/background/ports/port';
import { allows } from '@/lib/protocol/messages';
import { PORTS, type PortId, type PortKey, type PortPosts, parsePortName } from '@/lib/protocol/ports';

/** One server per row of the port table: it gets the port and the key its name carries. */
export type PortServers = { [P in PortId]: (port: BackgroundPort<PortPosts[P]>, key: PortKey<P>) => void };

/**
 * The one `runtime.onConnect` listener: the name says which row of the port table (lib/protocol/ports.ts), the
 * row says who may open it. A port with a name of none of ours, from something that is neither this extension's
 * page nor a GitHub tab it runs in, or from a sender the row does not allow is closed at once, unanswered.
 */
export function servePorts(servers: PortServers, self: ExtensionIdentity) {
  return (port: BackgroundPort<unknown>): void => {
    const named = parsePortName(port.name);
    const kind = classifySender(port.sender ?? {}, self);
    if (
      !named ||
      kind === 'untrusted' ||
      !allows(PORTS[named.port].from, kind === 'github-tab' ? 'github' : 'pages')
    ) {
      port.disconnect();
      return;
    }
    // The row read the key (parsePortName): its type is the row's
    (servers[named.port] as (port: BackgroundPort<unknown>, key: string) => void)(port, named.key);
  };
}
