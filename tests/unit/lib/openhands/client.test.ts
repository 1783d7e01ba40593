// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toStartRequestV0, toStartRequestV1 } from '@/lib/conversations/start-request';
import { createOpenHandsClient, MAX_IDS_PER_REQUEST } from '@/lib/openhands/client';
import { testKey } from '../../../support/api-key';
import { testOrigin } from '../../../support/origin';
import { json, type RecordedRequest, recordingFetch } from './helpers/fake-fetch';
import {
  appConversation,
  CONVERSATION_ID,
  conversationInfoV0,
  conversationResponseV0,
  issueInput,
  minimalInput,
  noRepositoryInput,
  prInput,
  startTask,
} from './helpers/fixtures';

/** A client on a fake server that answers with `handler`. */
function setup(handler: (req: RecordedRequest) => Response) {
  const { fetch, calls } = recordingFetch(handler);
  const client = createOpenHandsClient({
    baseUrl: testOrigin('https://x.test/'),
    auth: { kind: 'bearer', key: testKey('k') },
    fetch,
  });
  return { client, calls };
}

/** 32-hex ids, distinct per index. */
const hexIds = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(32, '0'));

describe('toStartRequestV1', () => {
  it('should build the issue request', () => {
    expect(toStartRequestV1(issueInput)).toEqual({
      initial_message: { role: 'user', content: [{ type: 'text', text: issueInput.message }], run: true },
      selected_repository: 'owner/repo',
      git_provider: 'github',
      selected_branch: 'main',
      title: 'Fix #42: crash on startup',
      trigger: 'openhands_api',
    });
  });

  it('should send the PR number as pr_number: [n]', () => {
    expect(toStartRequestV1(prInput)).toMatchObject({ selected_branch: 'feature/x', pr_number: [7] });
  });

  it('should leave out keys whose value is absent', () => {
    const actual = toStartRequestV1(minimalInput);

    expect(Object.keys(actual).sort()).toEqual([
      'git_provider',
      'initial_message',
      'selected_repository',
      'trigger',
    ]);
  });

  it('should leave out the repository, provider and branch for a conversation without a repository', () => {
    const actual = toStartRequestV1({ ...noRepositoryInput, branch: 'main' });

    expect(Object.keys(actual).sort()).toEqual(['initial_message', 'trigger']);
  });
});

describe('toStartRequestV0', () => {
  it('should leave out the repository for a conversation without one', () => {
    expect(toStartRequestV0(noRepositoryInput)).toEqual({ initial_user_msg: noRepositoryInput.message });
  });

  it('should build InitSessionRequest with only its own fields', () => {
    expect(toStartRequestV0(issueInput)).toEqual({
      repository: 'owner/repo',
      git_provider: 'github',
      selected_branch: 'main',
      initial_user_msg: issueInput.message,
    });
  });

  it('should put the PR number into the message, since V0 has no field for it', () => {
    expect(toStartRequestV0(prInput).initial_user_msg).toBe(
      'Please address the review comments.\n\nThis is about pull request #7 in owner/repo.',
    );
  });

  it('should not repeat a PR number the message already names', () => {
    const input = { ...prInput, message: 'Review PR #7 please.' };

    expect(toStartRequestV0(input).initial_user_msg).toBe('Review PR #7 please.');
  });
});

describe('createOpenHandsClient', () => {
  it('should POST the start request and return the start task', async () => {
    const { client, calls } = setup(() => json(startTask()));

    const actual = await client.startConversation(toStartRequestV1(issueInput));

    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url.href).toBe('https://x.test/api/v1/app-conversations');
    expect(calls[0]?.body).toEqual(toStartRequestV1(issueInput));
    expect(actual).toMatchObject({ id: startTask().id, status: 'WORKING', app_conversation_id: null });
  });

  it('should chunk start-task ids into batches below 100 and keep their order', async () => {
    const ids = hexIds(250);
    const { client, calls } = setup((req) =>
      json(req.url.searchParams.getAll('ids').map((id) => startTask({ id }))),
    );

    const actual = await client.getStartTasks(ids);

    expect(calls.map((c) => c.url.searchParams.getAll('ids').length)).toEqual([99, 99, 52]);
    expect(actual.map((t) => t?.id.replaceAll('-', ''))).toEqual(ids);
    expect(MAX_IDS_PER_REQUEST).toBeLessThan(100);
  });

  it('should send start-task ids in the dashed uuid form', async () => {
    const { client, calls } = setup(() => json([null]));

    await client.getStartTasks(['13AC04C455964F4C98DCB04544E05A9A']);

    expect(calls[0]?.url.searchParams.getAll('ids')).toEqual(['13ac04c4-5596-4f4c-98dc-b04544e05a9a']);
  });

  it('should chunk conversation ids too, sending them without dashes', async () => {
    const ids = hexIds(100).map((id) => `${id.slice(0, 8)}-${id.slice(8)}`);
    const { client, calls } = setup((req) => json(req.url.searchParams.getAll('ids').map(() => null)));

    const actual = await client.getConversations(ids);

    expect(calls).toHaveLength(2);
    expect(calls[1]?.url.searchParams.getAll('ids')).toEqual([hexIds(100)[99]]);
    expect(actual).toHaveLength(100);
  });

  it('should make no request for no ids', async () => {
    const { client, calls } = setup(() => json([]));

    expect(await client.getStartTasks([])).toEqual([]);
    expect(await client.getConversations([])).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('should search with limit and page_id', async () => {
    const { client, calls } = setup(() => json({ items: [appConversation()], next_page_id: 'n2' }));

    const actual = await client.searchConversations({ limit: 500, pageId: 'p1' });

    expect(calls[0]?.url.pathname).toBe('/api/v1/app-conversations/search');
    expect(Object.fromEntries(calls[0]?.url.searchParams ?? [])).toEqual({ limit: '100', page_id: 'p1' });
    expect(actual.next_page_id).toBe('n2');
  });

  it('should default the search page size to 20', async () => {
    const { client, calls } = setup(() => json({ items: [] }));

    await client.searchConversations();

    expect(calls[0]?.url.search).toBe('?limit=20');
  });

  it('should drop session_api_key from conversations but keep unknown fields', async () => {
    const { client } = setup(() => json([appConversation({ brand_new_field: 1 })]));

    const [actual] = await client.getConversations([CONVERSATION_ID]);

    expect(actual).not.toHaveProperty('session_api_key');
    expect(actual).toHaveProperty('brand_new_field', 1);
  });

  it('should accept status values newer than the spec', async () => {
    const { client } = setup(() => json([startTask({ status: 'SETTING_UP_PLUGINS' })]));

    const [actual] = await client.getStartTasks([startTask().id]);

    expect(actual?.status).toBe('SETTING_UP_PLUGINS');
  });

  it('should default a missing sandbox_status to MISSING, as the spec does', async () => {
    const { sandbox_status: _omit, ...conversation } = appConversation();
    const { client } = setup(() => json([conversation]));

    const [actual] = await client.getConversations([CONVERSATION_ID]);

    expect(actual?.sandbox_status).toBe('MISSING');
  });

  describe('V0', () => {
    it('should POST InitSessionRequest to /api/conversations', async () => {
      const { client, calls } = setup(() => json(conversationResponseV0));

      const actual = await client.startConversationV0(toStartRequestV0(prInput));

      expect(calls[0]?.url.pathname).toBe('/api/conversations');
      expect(calls[0]?.body).toEqual(toStartRequestV0(prInput));
      expect(actual.conversation_id).toBe(CONVERSATION_ID);
    });

    it('should treat a non-ok status as start_failed with the server message', async () => {
      const { client } = setup(() =>
        json({ status: 'error', conversation_id: '', message: 'No LLM configured' }),
      );

      await expect(client.startConversationV0(toStartRequestV0(issueInput))).rejects.toMatchObject({
        code: 'start_failed',
        message: 'OpenHands could not start the conversation: No LLM configured',
      });
    });

    it('should list with limit and page_id', async () => {
      const { client, calls } = setup(() => json({ results: [conversationInfoV0()], next_page_id: null }));

      const actual = await client.listConversationsV0({ limit: 1, pageId: 'abc' });

      expect(calls[0]?.url.search).toBe('?limit=1&page_id=abc');
      expect(actual.results[0]).not.toHaveProperty('session_api_key');
    });

    it('should get one conversation by id', async () => {
      const { client, calls } = setup(() => json(conversationInfoV0()));

      const actual = await client.getConversationV0('660E8400-E29B-41D4-A716-446655440001');

      expect(calls[0]?.url.pathname).toBe(`/api/conversations/${CONVERSATION_ID}`);
      expect(actual?.status).toBe('RUNNING');
    });

    it.each([
      ['HTTP 200 null', () => json(null)],
      ['HTTP 404', () => json({ detail: 'Not Found' }, 404)],
    ])('should return null when not found (%s)', async (_name, response) => {
      const { client } = setup(response);

      expect(await client.getConversationV0(CONVERSATION_ID)).toBeNull();
    });
  });
});
