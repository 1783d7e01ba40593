import { AlertIcon } from '@primer/octicons-react/AlertIcon';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';

/** The server could not be asked: what is shown instead, why, and a retry. */
export function ServerNotice({
  error,
  showingSaved,
  onRetry,
}: {
  error: MessageError;
  showingSaved: boolean;
  onRetry(): void;
}) {
  return (
    <div role="status" className="message message-warning">
      <AlertIcon size={16} className="message-icon" />
      <div>
        {showingSaved && <p className="message-title">{t('popup.showingSaved')}</p>}
        <p>{error.message}</p>
        <button type="button" className="link-button" onClick={onRetry}>
          {t('popup.tryAgain')}
        </button>
      </div>
    </div>
  );
}
