import { useEffect, useState } from 'react';
import { withSlots } from '@/components/shared/slots';
import { useStoredValue } from '@/components/shared/stored-value';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { startStageLabel, stateLabel } from '@/lib/conversations/state';
import { t } from '@/lib/i18n';
import { conversationsItem } from '@/lib/storage/conversations';

interface Props {
  record: ConversationRecord;
  onClose(): void;
}

/** What a start is doing, as users read it. */
function progress(record: ConversationRecord): string {
  if (record.state === 'starting') return `${startStageLabel(record.startStatus ?? 'WORKING')}…`;
  return stateLabel(record.state);
}

/** Where it was sent: the repository and branch, or that there is none. */
function target({ repository, branch }: ConversationRecord): string {
  if (!repository) return t('compose.result.noRepository');
  return branch ? t('compose.result.repositoryBranch', { repository, branch }) : repository;
}

/**
 * The conversation just started: its link, and its stage until it runs or fails, followed in storage as the
 * background's poller updates the record (no asking on a timer).
 */
export function SendResult({ record: started, onClose }: Props) {
  const records = useStoredValue(conversationsItem);
  const [record, setRecord] = useState(started);

  // A record no longer stored (or unreadable) keeps the last one seen.
  useEffect(() => {
    const stored = records?.find((candidate) => candidate.id === started.id);
    if (stored) setRecord(stored);
  }, [records, started.id]);

  return (
    <section className="compose-result" aria-labelledby="compose-result-title">
      <div className={`message ${record.state === 'error' ? 'message-error' : 'message-success'}`}>
        <p id="compose-result-title">
          {withSlots(t('compose.result.heading', { sent: '{sent}', target: target(record) }), {
            sent: <strong>{t('compose.result.sent')}</strong>,
          })}
        </p>
        <p role="status">{progress(record)}</p>
        {record.state === 'error' && record.detail && <p>{record.detail}</p>}
        <p>
          <a href={recordUrl(record)} target="_blank" rel="noreferrer">
            {t('shared.openConversation')}
          </a>
        </p>
      </div>
      <p className="help">{t('compose.result.alsoInPopup')}</p>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('compose.result.close')}
        </button>
      </div>
    </section>
  );
}
