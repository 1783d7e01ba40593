import { browser } from '#imports';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import { homeUrl, type ServerOrigin } from '@/lib/server/origin';

interface Props {
  error: MessageError;
  serverUrl?: ServerOrigin;
  /** Hide the options link where the user already is on the options page. */
  onOptionsPage?: boolean;
}

/** A background error as users read it, with the link that helps next. */
export function ErrorMessage({ error, serverUrl, onOptionsPage = false }: Props) {
  const conversationsHref = error.url ?? (serverUrl ? homeUrl(serverUrl) : undefined);
  return (
    <div role="alert" className="message message-error">
      <p>{error.message}</p>
      {error.action === 'options' && !onOptionsPage && (
        <button type="button" className="link-button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('shared.openOptions')}
        </button>
      )}
      {error.action === 'conversations' && conversationsHref && (
        <a href={conversationsHref} target="_blank" rel="noreferrer">
          {t('shared.openOpenHands')}
        </a>
      )}
      {error.action === 'conversation' && error.url && (
        <a href={error.url} target="_blank" rel="noreferrer">
          {t('shared.openConversation')}
        </a>
      )}
    </div>
  );
}
