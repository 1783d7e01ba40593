import { describe, expect, it, vi } from 'vitest';
import type { Sender } from '@/lib/background/messaging/sender';
import { PORTS, type PortId, portName } from '@/lib/protocol/ports';
import { backgroundPorts, GITHUB_TAB, POPUP, STRANGERS } from '../../../../support/background-ports';

const SENDERS: Record<'github' | 'pages', Sender> = { github: GITHUB_TAB, pages: POPUP };
/** A name for each row, with a key where the row has one. */
const NAMES: Record<PortId, string> = {
  record: portName('record', 'a1b2c3'),
  item: portName('item', 'octo-org/hello-world#42'),
  list: portName('list'),
  followUp: portName('followUp'),
};

/** Every row served by a spy: which row got which port, with which key. */
function spied() {
  const served: [PortId, string][] = [];
  const spy = (row: PortId) => vi.fn((_port: unknown, key: string) => void served.push([row, key]));
  const connect = backgroundPorts({
    record: spy('record'),
    item: spy('item'),
    list: spy('list'),
    followUp: spy('followUp'),
  });
  return { connect, served };
}

describe('serving the port table', () => {
  it.each(Object.entries(PORTS) as [PortId, (typeof PORTS)[PortId]][])(
    'should hand a %s port to its server only from the senders its row allows',
    (row, { from }) => {
      for (const kind of ['github', 'pages'] as const) {
        const { connect, served } = spied();
        const page = connect(NAMES[row], SENDERS[kind]);
        const allowed = from === 'both' || from === kind;
        expect(page.state.disconnected, `${row} from ${kind}`).toBe(!allowed);
        expect(served.map(([served]) => served)).toEqual(allowed ? [row] : []);
      }
    },
  );

  it('should hand over the key the name carries, as its row reads it', () => {
    const { connect, served } = spied();
    connect('item.watch:Octo-Org/Hello-World#42');
    connect(portName('record', 'a1b2c3'));
    expect(served).toEqual([
      ['item', 'octo-org/hello-world#42'],
      ['record', 'a1b2c3'],
    ]);
  });

  it.each(STRANGERS)('should close every port opened by %s', (_name, sender) => {
    for (const name of Object.values(NAMES)) {
      const { connect, served } = spied();
      expect(connect(name, sender).state.disconnected).toBe(true);
      expect(served).toEqual([]);
    }
  });

  it.each([
    'devtools',
    'record.watch:',
    `record.watch:${'x'.repeat(101)}`,
    'item.watch:octo-org/hello-world',
    'item.watch:octo-org/hello-world#0',
    'item.watch:a b/c#1',
    'list.watch:extra',
    'follow-up:1',
  ])('should close a port named %j, unanswered', (name) => {
    const { connect, served } = spied();
    const page = connect(name);
    expect(page.state.disconnected).toBe(true);
    expect(page.posted).toEqual([]);
    expect(served).toEqual([]);
  });
});
