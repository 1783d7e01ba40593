import { useEffect, useState } from 'react';
import type { ConversationRecord } from '@/lib/conversations/record';
import { recordUrl } from '@/lib/conversations/record-url';
import { startStageLabel, stateLabel } from '@/lib/conversations/state';
import { getConversationReply } from '@/lib/messages';
import { sendMessage } from '@/lib/pages/send-message';

/** How often the window asks the background for the start's progress (the poller itself runs every 2 s). */
export const STAGE_POLL_MS = 2_000;

interface Props {
  record: ConversationRecord;
  onClose(): void;
}

/** What a start is doing, as users read it. */
function progress(record: ConversationRecord): string {
  if (record.state === 'starting') return `${startStageLabel(record.startStatus ?? 'WORKING')}…`;
  return stateLabel(record.state);
}

/** The conversation just started: its link, and its stage until it runs or fails. */
export function SendResult({ record: started, onClose }: Props) {
  const [record, setRecord] = useState(started);

  useEffect(() => {
    if (record.state !== 'starting') return;
    const timer = setTimeout(async () => {
      const reply = await sendMessage({ type: 'conversation.get', id: record.id }, getConversationReply);
      // A failed or empty answer keeps the last record; a copy schedules the next try.
      setRecord(reply.ok && reply.data ? reply.data : { ...record });
    }, STAGE_POLL_MS);
    return () => clearTimeout(timer);
  }, [record]);

  return (
    <section className="compose-result" aria-labelledby="compose-result-title">
      <div className={`message ${record.state === 'error' ? 'message-error' : 'message-success'}`}>
        <p id="compose-result-title">
          <strong>Sent to OpenHands</strong> — {record.repository ?? 'no repository'}
          {record.repository && record.branch ? ` (${record.branch})` : ''}
        </p>
        <p role="status">{progress(record)}</p>
        {record.state === 'error' && record.detail && <p>{record.detail}</p>}
        <p>
          <a href={recordUrl(record)} target="_blank" rel="noreferrer">
            Open conversation
          </a>
        </p>
      </div>
      <p className="help">It is also in the list in the toolbar popup.</p>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
