// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiKeyStore } from '@/lib/background/keys/api-keys';
import { generateSecretKey } from '@/lib/background/keys/secret-box';
import { createHandlers } from '@/lib/background/messaging/create-handlers';
import { handleMessage } from '@/lib/background/messaging/handle-message';
import type { Sender } from '@/lib/background/messaging/sender';
import { serveFollowUpPort } from '@/lib/background/ports/follow-up-port';
import { upsertConversation } from '@/lib/background/records/conversation-store';
import { serializeError } from '@/lib/errors/error';
import { GITHUB_TYPES, MESSAGES, requestSchema } from '@/lib/protocol/messages';
import { portName } from '@/lib/protocol/ports';
import { CLOUD_ORIGIN } from '@/lib/server/origin';
import { testKey } from '../../support/api-key';
import { asPageReadsIt, backgroundPorts, SELF } from '../../support/background-ports';
import { makeRecord } from '../factories/conversation-record';

const self = SELF;
const TYPES = [...Object.keys(MESSAGES), 'settings.reveal', 'key.get', '', 'constructor'];

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HOSTILE_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  Number.NaN,
  1e308,
  true,
  '',
  ' ',
  'x'.repeat(100_000),
  '../../etc/passwd',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [],
  [1, 2, 3],
  { toString: 'not a function' },
  // biome-ignore lint/suspicious/noThenProperty: a thenable-looking payload is exactly the hostile input wanted here
  { then: 'not a promise' },
  'https://evil.example/steal',
  'owner/repo/extra',
  'owner',
  '\u0000\uffff',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A message that must not validate: a known or unknown type with broken or hostile fields. */
function malformedMessage(random: () => number): unknown {
  for (;;) {
    const message = candidate(random);
    if (!requestSchema.safeParse(message).success) return message;
  }
}

function candidate(random: () => number): unknown {
  const roll = random();
  if (roll < 0.1) return pick(random, HOSTILE_VALUES);
  const message: Record<string, unknown> = { type: pick(random, TYPES) };
  const fields = [
    'input',
    'id',
    'serverUrl',
    'apiKey',
    'notifications',
    'pageId',
    'refresh',
    'repository',
    'message',
    'conversation',
    'text',
    'reviewItemIds',
    'ids',
  ];
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++)
    message[pick(random, fields)] = pick(random, HOSTILE_VALUES);
  if (message.type === 'conversation.start') {
    message.input = {
      repository: pick(random, ['owner/repo', ...HOSTILE_VALUES]),
      message: pick(random, ['', 'x'.repeat(40_000), ...HOSTILE_VALUES]),
      source: pick(random, [
        { kind: 'issue', url: 'not a url' },
        { kind: 'hack', url: 'https://github.com/o/r' },
        ...HOSTILE_VALUES,
      ]),
    };
  }
  if (message.type === 'followUp.send' || message.type === 'followUp.sentReviewItems') {
    const conversation = pick(random, ['a'.repeat(32), ...HOSTILE_VALUES]);
    const ids = pick(random, [
      ['discussion_r1'],
      Array(501).fill('r'),
      [''],
      ['x'.repeat(101)],
      ...HOSTILE_VALUES,
    ]);
    if (message.type === 'followUp.send') {
      Object.assign(message, {
        conversation,
        text: pick(random, ['Go on', '', 'x'.repeat(40_000), ...HOSTILE_VALUES]),
      });
      if (random() < 0.5) message.reviewItemIds = ids;
    } else Object.assign(message, { conversation, ids });
  }
  return message;
}

/** Follow-ups as a GitHub page may send them. */
const FOLLOW_UPS = [
  { type: 'followUp.send', conversation: 'a'.repeat(32), text: 'Please also add a test.' },
  { type: 'followUp.sentReviewItems', conversation: 'a'.repeat(32), ids: ['discussion_r1'] },
];

/** A well-formed message from a sender that may not send it. */
function unauthorised(random: () => number): { message: unknown; sender: Sender } {
  const tab = { id: 7 } as Sender['tab'];
  const senders: Sender[] = [
    { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
    { id: self.id, url: 'https://evil.example/', tab },
    { id: self.id, url: 'https://github.com.evil.example/o/r', tab },
    { id: undefined, url: 'https://github.com/o/r/issues/1', tab },
    { id: self.id, url: 'chrome-extension://our-extension/popup.html', origin: 'https://github.com' },
  ];
  const options = [
    { type: 'settings.get' },
    { type: 'settings.save', serverUrl: 'https://evil.example', apiKey: 'x', notifications: true },
    { type: 'settings.removeKey', serverUrl: 'https://app.all-hands.dev' },
    { type: 'connection.test', serverUrl: 'https://evil.example' },
    { type: 'repos.recent' },
    { type: 'conversation.list' },
    { type: 'conversation.get', id: 'a1b2c3' },
    { type: 'draft.get', id: 'd1' },
    {
      type: 'draft.save',
      id: 'd1',
      fields: { text: 'x', url: '', repository: '', branch: '', action: 'fix' },
    },
  ];
  const start = {
    type: 'conversation.start',
    input: {
      repository: 'o/r',
      message: 'hi',
      source: { kind: 'issue', url: 'https://github.com/o/r/issues/1' },
    },
  };
  if (random() < 0.5) {
    // Page-only messages from a genuine GitHub tab.
    return {
      message: pick(random, options),
      sender: { id: self.id, url: 'https://github.com/o/r/issues/1', tab },
    };
  }
  return {
    message: pick(random, [...options, start, { type: 'ui.load' }, ...FOLLOW_UPS]),
    sender: pick(random, senders),
  };
}

describe('background message handling under hostile input', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should reject 1,000 malformed or unauthorised messages without a crash or a request', async () => {
    const fetchSpy = vi.fn(async () => new Response('{}'));
    const encryption = await generateSecretKey();
    const apiKeys = createApiKeyStore(async () => encryption);
    await apiKeys.write(CLOUD_ORIGIN, testKey('secret-key-that-must-stay'));
    // A conversation the follow-ups name: one that got through would call the server.
    await upsertConversation(makeRecord({ id: 'a'.repeat(32), serverUrl: CLOUD_ORIGIN }));
    const handlers = createHandlers({
      apiKeys,
      fetch: fetchSpy,
      now: () => new Date('2026-11-28T10:00:00Z'),
      schedulePoll: vi.fn(),
      onRecords: vi.fn(async () => {}),
    });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const random = rng(20261128);
    const githubTab: Sender = {
      id: self.id,
      url: 'https://github.com/o/r/pull/2',
      tab: { id: 1 } as Sender['tab'],
    };
    const page: Sender = { id: self.id, url: 'chrome-extension://our-extension/popup.html' };

    for (let i = 0; i < 1000; i++) {
      const { message, sender } =
        i % 2 === 0
          ? { message: malformedMessage(random), sender: pick(random, [githubTab, page]) }
          : unauthorised(random);
      if (i % 2 === 0) expect(requestSchema.safeParse(message).success).toBe(false);
      const reply = await handleMessage(message, sender, { self, handlers, toError: serializeError });
      expect(reply.ok, `message ${i}: ${JSON.stringify(message)?.slice(0, 200)}`).toBe(false);
      expect(JSON.stringify(reply)).not.toContain('secret-key-that-must-stay');
    }

    expect(fetchSpy).not.toHaveBeenCalled();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should refuse 500 malformed or unauthorised follow-up ports without a crash, a request or a write', async () => {
    const fetchSpy = vi.fn(async () => new Response('{}'));
    const encryption = await generateSecretKey();
    const apiKeys = createApiKeyStore(async () => encryption);
    await apiKeys.write(CLOUD_ORIGIN, testKey('secret-key-that-must-stay'));
    // A conversation the follow-ups name: one that got through would call the server.
    await upsertConversation(makeRecord({ id: 'a'.repeat(32), serverUrl: CLOUD_ORIGIN }));
    const handlers = createHandlers({
      apiKeys,
      fetch: fetchSpy,
      now: () => new Date('2026-11-28T10:00:00Z'),
      schedulePoll: vi.fn(),
      onRecords: vi.fn(async () => {}),
    });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const random = rng(20261129);
    const githubTab: Sender = {
      id: self.id,
      url: 'https://github.com/o/r/pull/2',
      tab: { id: 1 } as Sender['tab'],
    };

    for (let i = 0; i < 500; i++) {
      // Malformed first messages from senders that may open the port; well-formed ones from senders that may not.
      const { message, sender } =
        i % 2 === 0 ? { message: malformedMessage(random), sender: githubTab } : unauthorised(random);
      // Through the one onConnect listener, as the entrypoint wires it
      const page = backgroundPorts({
        followUp: (port) => serveFollowUpPort(port, { self, handlers, toError: serializeError }),
      })(portName('followUp'), sender);
      page.send(message);
      await new Promise((resolve) => setTimeout(resolve, 0));

      for (const posted of page.posted) {
        const parsed = asPageReadsIt(posted);
        expect(parsed.type === 'followUp.result' && parsed.reply.ok, `port ${i}`).toBe(false);
      }
      expect(JSON.stringify(page.posted)).not.toContain('secret-key-that-must-stay');
    }

    expect(fetchSpy).not.toHaveBeenCalled();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('should allow GitHub tabs only the messages the button, its menu and the thread buttons need', () => {
    expect([...GITHUB_TYPES].sort()).toEqual([
      'conversation.start',
      'followUp.send',
      'followUp.sentReviewItems',
      'options.open',
      'threads.load',
      'ui.load',
    ]);
  });
});
