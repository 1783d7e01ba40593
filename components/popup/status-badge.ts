import type { ConversationListItem } from '@/lib/conversations/list-item';
import { type ConversationState, startStageLabel, stateLabel } from '@/lib/conversations/state';

/** Primer label colours. */
export type BadgeTone = 'attention' | 'success' | 'accent' | 'done' | 'danger' | 'neutral';
/** Which Octicon the badge shows; components map the names to icons. */
export type BadgeIcon =
  | 'sync'
  | 'play'
  | 'alert'
  | 'comment'
  | 'check'
  | 'x'
  | 'pause'
  | 'archive'
  | 'stop'
  | 'question';

export interface StatusBadge {
  /** The state as users read it, e.g. "Running". */
  label: string;
  /** How far a start got, e.g. "Preparing repository"; only while starting. */
  stage: string | null;
  tone: BadgeTone;
  icon: BadgeIcon;
}

const LOOKS: Record<ConversationState, Pick<StatusBadge, 'tone' | 'icon'>> = {
  starting: { tone: 'attention', icon: 'sync' },
  running: { tone: 'success', icon: 'play' },
  waiting_for_confirmation: { tone: 'attention', icon: 'alert' },
  paused: { tone: 'neutral', icon: 'pause' },
  finished: { tone: 'done', icon: 'check' },
  stopped: { tone: 'accent', icon: 'comment' },
  error: { tone: 'danger', icon: 'x' },
  stuck: { tone: 'danger', icon: 'stop' },
  archived: { tone: 'neutral', icon: 'archive' },
  unknown: { tone: 'neutral', icon: 'question' },
};

/** The first stage says no more than "Starting" itself. */
const UNINFORMATIVE_STAGES = new Set(['WORKING', 'READY', 'ERROR']);

/** The badge for a row: its state, and while starting, the stage the start reached. */
export function statusBadge(item: Pick<ConversationListItem, 'state' | 'startStatus'>): StatusBadge {
  const stage =
    item.state === 'starting' && item.startStatus && !UNINFORMATIVE_STAGES.has(item.startStatus)
      ? startStageLabel(item.startStatus)
      : null;
  return { label: stateLabel(item.state), stage, ...LOOKS[item.state] };
}
