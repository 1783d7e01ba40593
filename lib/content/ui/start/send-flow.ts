import {
  errorView,
  type ProgressView,
  recordView,
  sendingView,
  stoppedFollowingView,
} from '@/lib/content/ui/start/progress';
import { type RecordSummary, recordReply } from '@/lib/content/ui/start/record-check';
import type { StartInput } from '@/lib/conversations/start-input';
import type { Reply, Request } from '@/lib/protocol/messages';
import { newRequestId, type ReplyCheck, sendRepeatable, startError } from '@/lib/protocol/send';

/** Stop following after this long; the conversation goes on, and the link still works. */
export const FOLLOW_LIMIT_MS = 10 * 60_000;
/** Wait before connecting again when the background went away (connecting wakes it up). */
export const RECONNECT_MS = 1_000;
/** Connections lost in a row, without a record in between, before giving up. */
const MAX_LOST = 3;

/** What the background pushes about one record, and when the connection to it ends. */
export type FeedHandlers = {
  /** The record as stored now; null once it is no longer stored. */
  record(record: RecordSummary | null): void;
  /** The connection ended (the worker stopped, the extension was reloaded…); `reason` is user-facing. */
  lost(reason: string): void;
};

export type SendFlowDeps = {
  /** Asks the background; `check` tests its answer (`sendMessage`). */
  send<T>(request: Request, check: ReplyCheck<T>): Promise<Reply<T>>;
  /** Follows the stored record `id` (a port to the background); `close` ends it. */
  follow(id: string, on: FeedHandlers): { close(): void };
  /** Runs `callback` after `ms`; returns what cancels it. */
  later(callback: () => void, ms: number): () => void;
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
 * way is ignored (the background also merges identical starts within 10 s). After the background answers, the
 * background pushes the record's changes until it leaves `starting`: no polling from the page.
 */
export function createSendFlow(deps: SendFlowDeps): SendFlow {
  let current: { end(): void } | null = null;

  /** Follows `first` until it leaves `starting`, the limit passes or the background is lost for good. */
  function follow(run: { end(): void }, first: RecordSummary, done: () => void): void {
    let record = first;
    let lost = 0;
    let feed: { close(): void } | undefined;
    let cancelRetry = () => {};
    let ended = false;
    const end = (view?: ProgressView) => {
      if (ended) return;
      ended = true;
      feed?.close();
      cancelRetry();
      cancelLimit();
      if (view && current === run) deps.onView(view);
      done();
    };
    const cancelLimit = deps.later(
      () => end(stoppedFollowingView(record, 'Follow it in OpenHands.')),
      FOLLOW_LIMIT_MS,
    );
    const connect = () => {
      if (ended) return;
      feed = deps.follow(record.id, {
        record(next) {
          if (ended) return;
          lost = 0;
          if (!next) return end(stoppedFollowingView(record, 'The extension lost track of it.'));
          record = next;
          deps.onView(recordView(next));
          if (next.state !== 'starting') end();
        },
        lost(reason) {
          if (ended) return;
          if (++lost >= MAX_LOST) return end(stoppedFollowingView(record, reason));
          cancelRetry = deps.later(connect, RECONNECT_MS);
        },
      });
    };
    run.end = () => end();
    connect();
  }

  async function start(run: { end(): void }, input: StartInput): Promise<void> {
    const finish = () => {
      if (current !== run) return;
      current = null;
      deps.onBusy(false);
    };
    deps.onView(sendingView(input.title ?? input.repository ?? ''));
    // One id for this start: sent again with it, the background starts it once (lib/protocol/send.ts)
    const request = { type: 'conversation.start' as const, input, requestId: newRequestId() };
    const wait = (ms: number) => new Promise<void>((resolve) => deps.later(resolve, ms));
    const reply = await sendRepeatable(deps.send, request, recordReply, wait);
    if (current !== run) return;
    if (!reply.ok) {
      deps.onView(errorView(startError(reply.error), input.title));
      return finish();
    }
    deps.onView(recordView(reply.data));
    if (reply.data.state !== 'starting') return finish();
    follow(run, reply.data, finish);
  }

  return {
    get busy() {
      return current !== null;
    },
    start(input) {
      if (current) return false;
      const run = { end: () => {} };
      current = run;
      deps.onBusy(true);
      void start(run, input);
      return true;
    },
    stop() {
      const run = current;
      if (!run) return;
      current = null;
      run.end();
      deps.onBusy(false);
    },
  };
}
