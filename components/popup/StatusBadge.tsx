import {
  AlertIcon,
  ArchiveIcon,
  CheckCircleIcon,
  CommentIcon,
  type Icon,
  PauseIcon,
  PlayIcon,
  QuestionIcon,
  StopIcon,
  SyncIcon,
  XCircleIcon,
} from '@primer/octicons-react';
import type { ConversationListItem } from '@/lib/conversations/list-item';
import { type BadgeIcon, statusBadge } from '@/lib/pages/popup/status-badge';

const ICONS: Record<BadgeIcon, Icon> = {
  sync: SyncIcon,
  play: PlayIcon,
  alert: AlertIcon,
  comment: CommentIcon,
  check: CheckCircleIcon,
  x: XCircleIcon,
  pause: PauseIcon,
  archive: ArchiveIcon,
  stop: StopIcon,
  question: QuestionIcon,
};

/** A Primer-style label with the conversation's state, and its stage while starting. */
export function StatusBadge({ item }: { item: Pick<ConversationListItem, 'state' | 'startStatus'> }) {
  const badge = statusBadge(item);
  const BadgeIconComponent = ICONS[badge.icon];
  return (
    <span className={`badge badge-${badge.tone}`} data-state={item.state}>
      <BadgeIconComponent size={12} />
      <span>
        {badge.label}
        {badge.stage && <span className="badge-stage"> · {badge.stage}</span>}
      </span>
    </span>
  );
}
