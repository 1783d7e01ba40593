import type { Icon } from '@primer/octicons-react';
import { AlertIcon } from '@primer/octicons-react/AlertIcon';
import { ArchiveIcon } from '@primer/octicons-react/ArchiveIcon';
import { CheckCircleIcon } from '@primer/octicons-react/CheckCircleIcon';
import { CommentIcon } from '@primer/octicons-react/CommentIcon';
import { PauseIcon } from '@primer/octicons-react/PauseIcon';
import { PlayIcon } from '@primer/octicons-react/PlayIcon';
import { QuestionIcon } from '@primer/octicons-react/QuestionIcon';
import { StopIcon } from '@primer/octicons-react/StopIcon';
import { SyncIcon } from '@primer/octicons-react/SyncIcon';
import { XCircleIcon } from '@primer/octicons-react/XCircleIcon';
import { type BadgeIcon, statusBadge } from '@/components/popup/status-badge';
import type { ConversationListItem } from '@/lib/conversations/list-item';

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
