// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fetchUpdates } from '@/lib/background/polling/fetch-updates';
import { itemFromAppConversation } from '@/lib/conversations/list-item';
import { conversationListReplySchema } from '@/lib/conversations/list-page';
import { createOpenHandsClient } from '@/lib/openhands/client';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { makeRecord } from '../../factories/conversation-record';
import { json, recordingFetch } from './helpers/fake-fetch';
import { appConversation, conversationInfoV0, startTask } from './helpers/fixtures';

/*
 * One bad item never hides the rest (issue 17): every list the extension reads from a server is checked item by
 * item, and a PR number must be a positive safe integer, or it is dropped.
 */

const client = (body: unknown) =>
  createOpenHandsClient({
    baseUrl: testOrigin('https://x.test'),
    auth: { kind: 'bearer', key: testKey('k') },
    fetch: recordingFetch(() => json(body)).fetch,
  });

const id = (n: number) => n.toString(16).padStart(32, '0');
const BAD_PULLS = [[0], [-5], ['7'], [7.5], [2 ** 53 + 2], 'seven', [null, 12]];

describe('a server page with odd conversations', () => {
  it('should keep every conversation, with only the PR numbers that are PR numbers', async () => {
    const items = BAD_PULLS.map((pr_number, i) => appConversation({ id: id(i + 1), pr_number }));

    const page = await client({ items, next_page_id: null }).searchConversations();

    expect(page.items.map((c) => c.pr_number)).toEqual([[], [], [7], [], [], undefined, [12]]);
  });

  it('should leave out a conversation that cannot be read, and keep the others', async () => {
    const items = [
      appConversation({ id: id(1) }),
      { title: 'no id at all' },
      appConversation({ id: id(3), sandbox_status: 42 }),
      appConversation({ id: id(4), title: 17, tags: { a: 1 }, created_at: false }),
    ];

    const page = await client({ items, next_page_id: 'next' }).searchConversations();

    expect(page.items.map((c) => c.id)).toEqual([id(1), id(4)]);
    expect(page.items[1]).toMatchObject({ title: undefined, created_at: undefined });
    expect(page.next_page_id).toBe('next');
  });

  it('should list the others in the popup when one row does not fit', () => {
    const serverUrl = 'https://x.test';
    const rows = [1, 2].map((n) =>
      itemFromAppConversation(appConversation({ id: id(n) }) as never, testOrigin(serverUrl)),
    );
    const reply = {
      serverUrl,
      items: [rows[0], { key: 'broken', state: 'exploded' }, rows[1]],
      nextPageId: null,
      fetchedAt: null,
    };

    const parsed = conversationListReplySchema.safeParse(reply);

    expect(parsed.success && parsed.data.items).toEqual(rows);
  });

  it('should link no PR for a conversation whose only PR number is 0', async () => {
    const page = await client({
      items: [appConversation({ id: id(1), pr_number: [0] })],
      next_page_id: null,
    }).searchConversations();

    const item = itemFromAppConversation(page.items[0] as never, testOrigin('https://x.test'));

    expect(item).toMatchObject({ prNumber: null, pullNumbers: [], source: null });
    expect(
      conversationListReplySchema.safeParse({
        serverUrl: 'https://x.test',
        items: [item],
        nextPageId: null,
        fetchedAt: null,
      }).success,
    ).toBe(true);
  });

  it('should read a legacy page the same way', async () => {
    const results = [
      conversationInfoV0({ conversation_id: id(1), pr_number: ['7', 0] }),
      { title: 'no id' },
      conversationInfoV0({ conversation_id: id(3), num_connections: 'many' }),
    ];

    const page = await client({ results, next_page_id: null }).listConversationsV0();

    expect(page.results.map((c) => [c.conversation_id, c.pr_number])).toEqual([
      [id(1), [7]],
      [id(3), []],
    ]);
  });

  it('should find starts on a start-task page with an unreadable entry', async () => {
    const page = await client({
      items: [{ status: 'READY' }, startTask({ id: id(2) })],
      next_page_id: null,
    }).searchStartTasks();

    expect(page.items.map((task) => task.id)).toEqual([id(2)]);
  });
});

describe('a batch read with an unreadable entry', () => {
  it('should keep the other entries in their places and leave that conversation as it was', async () => {
    const records = [1, 2, 3].map((n) =>
      makeRecord({ id: `r${n}`, taskId: null, conversationId: id(n), state: 'running' }),
    );
    const batch = [
      appConversation({ id: id(1), execution_status: 'finished', sandbox_status: 'RUNNING', pr_number: [9] }),
      { id: 2 },
      null,
    ];

    const updates = await fetchUpdates(client(batch), records);

    expect(updates.get('r1')).toMatchObject({ state: 'finished', pullNumbers: [9] });
    expect(updates.get('r2')).toEqual({});
    expect(updates.get('r3')).toMatchObject({ state: 'archived' });
  });

  it('should do the same for start tasks', async () => {
    const records = [1, 2].map((n) => makeRecord({ id: id(n), taskId: id(n), conversationId: null }));

    const updates = await fetchUpdates(
      client([{ id: id(1), status: 17 }, startTask({ id: id(2), status: 'PREPARING_REPOSITORY' })]),
      records,
    );

    expect(updates.get(id(1))).toEqual({});
    expect(updates.get(id(2))).toEqual({ startStatus: 'PREPARING_REPOSITORY' });
  });
});
