import { describe, expect, it, vi } from 'vitest';
import { deliverFollowUp } from '@/lib/content/ui/follow-ups/follow-up-port';
import { BAD_REPLY, RELOADED } from '@/lib/protocol/send';
import { fakeRuntime } from '../../../../../support/fake-ports';
import { startingRecord } from '../records';

describe('deliverFollowUp', () => {
  it('should send the request first, report each stage and resolve with the result', async () => {
    const record = startingRecord({ state: 'running', conversationId: 'c1' });
    const { connect, ports } = fakeRuntime((port) =>
      queueMicrotask(() => {
        port.emit({ type: 'followUp.progress', stage: 'resuming' });
        port.emit({ type: 'followUp.progress', stage: 'teleporting' });
        port.emit({ type: 'followUp.progress', stage: 'sending' });
        port.emit({ type: 'followUp.result', reply: { ok: true, data: { kind: 'sent', record } } });
      }),
    );
    const onStage = vi.fn();

    const reply = await deliverFollowUp(
      connect,
      { conversation: 'a1b2c3', text: 'Also fix the tests' },
      onStage,
    );

    expect(ports[0]?.name).toBe('follow-up');
    expect(ports[0]?.posted).toEqual([
      {
        type: 'followUp.send',
        conversation: 'a1b2c3',
        text: 'Also fix the tests',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    expect(onStage.mock.calls).toEqual([['resuming'], ['sending']]);
    expect(reply).toEqual({ ok: true, data: { kind: 'sent', record } });
    expect(ports[0]?.disconnected).toBe(true);
  });

  it('should read an archived result with its restart input, and pass errors on', async () => {
    const record = startingRecord({ state: 'archived' });
    const restart = { repository: 'octo-org/hello-world', title: 'Continued: x', message: 'This continues…' };
    const archived = fakeRuntime((port) =>
      queueMicrotask(() =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: true, data: { kind: 'archived', record, restart } },
        }),
      ),
    );
    const failing = fakeRuntime((port) =>
      queueMicrotask(() =>
        port.emit({
          type: 'followUp.result',
          reply: { ok: false, error: { code: 'agent_unavailable', message: 'The sandbox failed.' } },
        }),
      ),
    );

    expect(await deliverFollowUp(archived.connect, { conversation: 'x', text: 't' }, () => {})).toEqual({
      ok: true,
      data: { kind: 'archived', record, restart },
    });
    expect(await deliverFollowUp(failing.connect, { conversation: 'x', text: 't' }, () => {})).toEqual({
      ok: false,
      error: { code: 'agent_unavailable', message: 'The sandbox failed.' },
    });
  });

  it('should ask once more with the same request when the port ends without a result', async () => {
    const record = startingRecord({ state: 'running', conversationId: 'c1' });
    let opened = 0;
    const { connect, ports } = fakeRuntime((port) =>
      queueMicrotask(() =>
        ++opened === 1
          ? port.end()
          : port.emit({ type: 'followUp.result', reply: { ok: true, data: { kind: 'sent', record } } }),
      ),
    );

    const reply = await deliverFollowUp(connect, { conversation: 'x', text: 't' }, () => {}, {
      wait: async () => {},
    });

    expect(reply).toEqual({ ok: true, data: { kind: 'sent', record } });
    expect(ports).toHaveLength(2);
    expect(ports[1]?.posted).toEqual(ports[0]?.posted);
  });

  it('should say the message may have been delivered, with its link, when the background went away twice', async () => {
    const gone = fakeRuntime((port) => queueMicrotask(() => port.end()));

    const reply = await deliverFollowUp(gone.connect, { conversation: 'x', text: 't' }, () => {}, {
      url: 'https://app.all-hands.dev/conversations/c1',
      wait: async () => {},
    });

    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'delivery_unconfirmed',
        message: expect.stringContaining(
          'The extension stopped answering, so your message may already have been delivered',
        ),
        action: 'conversation',
        url: 'https://app.all-hands.dev/conversations/c1',
      },
    });
    expect(reply.ok || reply.error.message).not.toMatch(/try again/i);
  });

  it('should say so when the result does not fit, or the extension was reloaded before anything was sent', async () => {
    const odd = fakeRuntime((port) =>
      queueMicrotask(() =>
        port.emit({ type: 'followUp.result', reply: { ok: true, data: { kind: 'sent' } } }),
      ),
    );
    const reloaded = () => {
      throw new Error('Extension context invalidated.');
    };

    expect(await deliverFollowUp(odd.connect, { conversation: 'x', text: 't' }, () => {})).toEqual({
      ok: false,
      error: BAD_REPLY,
    });
    const failed = await deliverFollowUp(reloaded, { conversation: 'x', text: 't' }, () => {});
    expect(failed).toEqual({ ok: false, error: RELOADED });
  });
});
