import { KeyIcon } from '@primer/octicons-react/KeyIcon';
import { useId } from 'react';
import { browser } from '#imports';
import { withSlots } from '@/components/shared/slots';
import { t } from '@/lib/i18n';
import { apiKeysUrl, isCloudServer, type ServerOrigin } from '@/lib/server/origin';

/** No API key yet: what the key is for, where it comes from on this kind of server, and the way to the options. */
export function SetupNotice({ serverUrl }: { serverUrl: ServerOrigin }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <KeyIcon size={24} className="panel-icon" />
      <h2 id={headingId}>{t('popup.setup.title')}</h2>
      {isCloudServer(serverUrl) ? (
        <p>
          {withSlots(t('popup.setup.cloud', { link: '{link}' }), {
            link: (
              <a href={apiKeysUrl(serverUrl)} target="_blank" rel="noreferrer">
                {t('shared.apiKeysPage')}
              </a>
            ),
          })}
        </p>
      ) : (
        <p>{t('popup.setup.selfHosted', { server: serverUrl })}</p>
      )}
      <button type="button" className="primary" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popup.setup.openOptions')}
      </button>
    </section>
  );
}
