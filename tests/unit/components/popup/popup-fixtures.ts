import type { ConversationListItem } from '@/lib/conversations/list-item';
import type { ConversationListReply } from '@/lib/conversations/list-page';
import type { Reply, Request } from '@/lib/protocol/messages';
import { testOrigin } from '../../../support/origin';
import { answerMessages } from '../../support/answer-messages';

export const SERVER = 'https://app.all-hands.dev';

/** A list row; tests override only what they are about. */
export function item(overrides: Partial<ConversationListItem> = {}): ConversationListItem {
  const id = overrides.key ?? 'c1';
  return {
    key: id,
    conversationId: id,
    localId: null,
    title: 'Fix the flaky test',
    repository: 'octo-org/hello-world',
    branch: 'main',
    prNumber: null,
    pullNumbers: [],
    source: null,
    state: 'finished',
    startStatus: null,
    detail: null,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    updatedAt: null,
    url: `${SERVER}/conversations/${id}`,
    ...overrides,
  };
}

/** What `conversation.list` answers. */
export function listReply(
  items: ConversationListItem[],
  overrides: Partial<ConversationListReply> = {},
): Reply<ConversationListReply> {
  return {
    ok: true,
    data: {
      serverUrl: testOrigin(SERVER),
      items,
      nextPageId: null,
      fetchedAt: new Date().toISOString(),
      ...overrides,
    },
  };
}

/** Makes the background (the fake browser) answer with `handler`, and records what was sent. */
export function answer(handler: (request: Request) => Reply<unknown> | Promise<Reply<unknown>>) {
  return answerMessages(handler);
}
