import { KeyIcon } from '@primer/octicons-react';
import { useId } from 'react';
import { browser } from '#imports';

/** No API key yet: what the key is for, and the way to the options page. */
export function SetupNotice({ serverUrl }: { serverUrl: string }) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <KeyIcon size={24} className="panel-icon" />
      <h2 id={headingId}>Connect to OpenHands</h2>
      <p>
        Add your OpenHands API key to see your conversations here and send GitHub issues and pull requests to
        the agent. Create one in OpenHands under{' '}
        <a href={`${serverUrl}/settings/api-keys`} target="_blank" rel="noreferrer">
          Settings → API Keys
        </a>
        .
      </p>
      <button type="button" className="primary" onClick={() => browser.runtime.openOptionsPage()}>
        Open options
      </button>
    </section>
  );
}
