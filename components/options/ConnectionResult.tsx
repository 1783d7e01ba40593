import { ErrorMessage } from '@/components/shared/ErrorMessage';
import type { AsyncState } from '@/components/shared/use-async';
import { t } from '@/lib/i18n';
import type { ConnectionReport } from '@/lib/protocol/messages';
import type { ServerOrigin } from '@/lib/server/origin';

/** The outcome of "Test connection": which server and key answered, or why not. */
export function ConnectionResult({
  state,
  serverUrl,
}: {
  state: AsyncState<ConnectionReport>;
  serverUrl: ServerOrigin;
}) {
  if (state.status === 'idle') return null;
  if (state.status === 'pending') {
    return (
      <p role="status" className="message">
        {t('options.testing')}
      </p>
    );
  }
  if (state.status === 'failed')
    return <ErrorMessage error={state.error} serverUrl={serverUrl} onOptionsPage />;
  return (
    <div role="status" className="message message-success">
      <p>{state.data.summary}</p>
    </div>
  );
}
