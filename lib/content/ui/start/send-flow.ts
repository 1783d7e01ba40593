import {
  errorView,
  type ProgressView,
  recordView,
  sendingView,
  stoppedFollowingView,
} from '@/lib/content/ui/start/progress';
import type { StartInput } from '@/lib/conversations/start-input';
import { t } from '@/lib/i18n';
import type { AskFromGitHub } from '@/lib/protocol/ask-from-github';
import { type RecordSummary, readRecordMessage } from '@/lib/protocol/checks';
import { portName } from '@/lib/protocol/ports';
import { newRequestId, sendRepeatable, startError } from '@/lib/protocol/send';
import { type WatchDeps, watchPort } from '@/lib/protocol/watch';

/** Stop following after this long; the conversation goes on, and the link still works. */
export const FOLLOW_LIMIT_MS = 10 * 60_000;

export type SendFlowDeps = WatchDeps & {
  /** Asks the background (`askFromGitHub`). */
  ask: AskFromGitHub;
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

  /** Follows `first` over its record port until it leaves `starting`, the limit passes or the port is lost for good. */
  function follow(run: { end(): void }, first: RecordSummary, done: () => void): void {
    let record = first;
    let ended = false;
    let watch: { close(): void } | undefined;
    const end = (view?: ProgressView) => {
      if (ended) return;
      ended = true;
      watch?.close();
      cancelLimit();
      if (view && current === run) deps.onView(view);
      done();
    };
    const cancelLimit = deps.later(
      () => end(stoppedFollowingView(record, t('ui.progress.followInOpenHands'))),
      FOLLOW_LIMIT_MS,
    );
    watch = watchPort(deps, portName('record', first.id), {
      read: (message) => readRecordMessage(message, first.id),
      message(next) {
        if (ended) return;
        if (!next) return end(stoppedFollowingView(record, t('ui.progress.lostTrack')));
        record = next;
        deps.onView(recordView(next));
        if (next.state !== 'starting') end();
      },
      lost(reason, final) {
        if (final) end(stoppedFollowingView(record, reason));
      },
    });
    run.end = () => end();
  }

  async function start(run: { end(): void }, input: StartInput): Promise<void> {
    const finish = () => {
      if (current !== run) return;
      current = null;
      deps.onBusy(false);
    };
    deps.onView(sendingView(input.title ?? input.repository ?? ''));
    // One id for this start: sent again with it, the background starts it once (lib/protocol/send.ts)
    const requestId = newRequestId();
    const wait = (ms: number) => new Promise<void>((resolve) => deps.later(resolve, ms));
    const reply = await sendRepeatable(
      () => deps.ask({ type: 'conversation.start', input, requestId }),
      wait,
    );
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
