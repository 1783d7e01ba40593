import { CommentDiscussionIcon } from '@primer/octicons-react/CommentDiscussionIcon';
import { useId } from 'react';
import { withSlots } from '@/components/shared/slots';
import { t } from '@/lib/i18n';
import type { ServerOrigin } from '@/lib/server/origin';

/** Nothing to list: how to start a conversation. */
export function EmptyState({ serverUrl }: { serverUrl: ServerOrigin }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <CommentDiscussionIcon size={24} className="panel-icon" />
      <h2 id={headingId}>{t('popup.empty.title')}</h2>
      <p>
        {withSlots(t('popup.empty.text', { button: '{button}' }), {
          button: <strong>{t('popup.empty.button')}</strong>,
        })}
      </p>
      <p>
        <a href={serverUrl} target="_blank" rel="noreferrer">
          {t('popup.empty.start')}
        </a>
      </p>
    </section>
  );
}
