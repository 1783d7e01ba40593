import { KeyIcon } from '@primer/octicons-react/KeyIcon';
import { useId } from 'react';
import { browser } from '#imports';
import { apiKeysUrl, isCloudServer, type ServerOrigin } from '@/lib/server/origin';

/** No API key yet: what the key is for, where it comes from on this kind of server, and the way to the options. */
export function SetupNotice({ serverUrl }: { serverUrl: ServerOrigin }) {
  const headingId = useId();
  const purpose = 'to see your conversations here and send GitHub issues and pull requests to the agent.';
  return (
    <section className="panel" aria-labelledby={headingId}>
      <KeyIcon size={24} className="panel-icon" />
      <h2 id={headingId}>Connect to OpenHands</h2>
      {isCloudServer(serverUrl) ? (
        <p>
          Add your OpenHands API key {purpose} Create one in OpenHands under{' '}
          <a href={apiKeysUrl(serverUrl)} target="_blank" rel="noreferrer">
            Settings → API Keys
          </a>
          .
        </p>
      ) : (
        <p>
          Your OpenHands server at {serverUrl} asks for a key. Add the session key it was started with (its
          SESSION_API_KEY) {purpose}
        </p>
      )}
      <button type="button" className="primary" onClick={() => browser.runtime.openOptionsPage()}>
        Open options
      </button>
    </section>
  );
}
