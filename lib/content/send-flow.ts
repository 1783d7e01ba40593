import {
  errorView,
  type ProgressView,
  recordView,
  sendingView,
  stoppedFollowingView,
} from '@/lib/content/progress';
import { type RecordSummary, recordOrNullReply, recordReply } from '@/lib/content/record-check';
import type { StartInput } from '@/lib/conversations/start-input';
import type { Reply, Request } from '@/lib/messages';
import type { ReplyCheck } from '@/lib/pages/send-message';

/** How often the page asks the background for the start's stage. */
export const POLL_INTERVAL_MS = 2_000;
/** Stop following after this long; the conversation goes on, and the link still works. */
export const FOLLOW_LIMIT_MS = 10 * 60_000;
/** Consecutive failed `conversation.get` replies before giving up. */
const MAX_POLL_FAILURES = 3;

export type SendFlowDeps = {
  /** Asks the background; `check` tests its answer (`sendMessage`). */
  send<T>(request: Request, check: ReplyCheck<T>): Promise<Reply<T>>;
  /** Resolves after `ms` (through `ctx.setTimeout`, so it stops with the content script). */
  wait(ms: number): Promise<void>;
  /** Every change of what the toast should show. */
  onView(view: ProgressView): void;
  /** `true` while a start is under way: the button is disabled and `aria-busy`. */
  onBusy(busy: boolean): void;
};

export type SendFlow = {
  readonly busy: boolean;
  /** Starts a conversation and follows it until it leaves `starting`; `false` when one is already under way. */
  start(input: StartInput): boolean;
  /** Stops following (the toast was dismissed) and frees the button. */
  stop(): void;
};

/**
 * One start at a time per page: a double click, a second preset or the keyboard command while a start is under
 * way is ignored (the background also merges identical starts within 10 s). After the background answers, asks
 * for the record every `POLL_INTERVAL_MS` until it leaves `starting`.
 */
export function createSendFlow(deps: SendFlowDeps): SendFlow {
  let current: object | null = null;

  const finish = (run: object) => {
    if (current !== run) return;
    current = null;
    deps.onBusy(false);
  };

  async function follow(run: object, first: RecordSummary): Promise<void> {
    let record = first;
    let failures = 0;
    let waited = 0;
    while (record.state === 'starting') {
      if (waited >= FOLLOW_LIMIT_MS) {
        deps.onView(stoppedFollowingView(record, 'Follow it in OpenHands.'));
        return;
      }
      await deps.wait(POLL_INTERVAL_MS);
      waited += POLL_INTERVAL_MS;
      if (current !== run) return;
      const reply = await deps.send({ type: 'conversation.get', id: record.id }, recordOrNullReply);
      if (current !== run) return;
      if (reply.ok && reply.data) {
        failures = 0;
        record = reply.data;
        deps.onView(recordView(record));
      } else if (++failures >= MAX_POLL_FAILURES) {
        const reason = reply.ok ? 'The extension lost track of it.' : reply.error.message;
        deps.onView(stoppedFollowingView(record, reason));
        return;
      }
    }
  }

  async function run(token: object, input: StartInput): Promise<void> {
    try {
      deps.onView(sendingView(input.title ?? input.repository ?? ''));
      const reply = await deps.send({ type: 'conversation.start', input }, recordReply);
      if (current !== token) return;
      if (!reply.ok) {
        deps.onView(errorView(reply.error, input.title));
        return;
      }
      deps.onView(recordView(reply.data));
      await follow(token, reply.data);
    } finally {
      finish(token);
    }
  }

  return {
    get busy() {
      return current !== null;
    },
    start(input) {
      if (current) return false;
      const token = {};
      current = token;
      deps.onBusy(true);
      void run(token, input);
      return true;
    },
    stop() {
      if (current) finish(current);
    },
  };
}
