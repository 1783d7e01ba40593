import { type FormEvent, useId, useRef, useState } from 'react';
import { ConnectionResult } from '@/components/options/ConnectionResult';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import { requestServerPermission } from '@/components/shared/host-permission';
import { withSlots } from '@/components/shared/slots';
import { useAsync } from '@/components/shared/use-async';
import { EXTENSION_MESSAGES } from '@/lib/errors/messages';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/protocol/ask';
import type { ConnectionReport, Reply, SettingsView } from '@/lib/protocol/messages';
import { cleanApiKey } from '@/lib/server/api-key';
import { apiKeysUrl, CLOUD_ORIGIN, type ServerOrigin, serverOrigin } from '@/lib/server/origin';

interface Props {
  settings: SettingsView;
  onSaved(settings: SettingsView): void;
}

/** Returns the normalised URL, or the sentence that says what is wrong with it. */
function checkUrl(input: string): { url: ServerOrigin } | { error: string } {
  try {
    return { url: serverOrigin(input) };
  } catch {
    return { error: t('options.badUrl', { cloud: CLOUD_ORIGIN }) };
  }
}

const permissionDenied = (url: ServerOrigin) => ({
  ok: false as const,
  error: {
    code: 'permission_denied' as const,
    message: EXTENSION_MESSAGES.permission_denied({ server: url }),
  },
});

export function SettingsForm({ settings, onSaved }: Props) {
  const ids = { key: useId(), url: useId(), keyHelp: useId(), keyError: useId(), urlError: useId() };
  const [apiKey, setApiKey] = useState('');
  const [revealed, setRevealed] = useState(false);
  // What the field holds: text, until a check reads it as a server (`checkUrl`)
  const [serverUrl, setServerUrl] = useState<string>(settings.serverUrl);
  const [notifications, setNotifications] = useState(settings.notifications);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);

  const [saveState, save, setSaveState] = useAsync(
    async (url: ServerOrigin, key: string): Promise<Reply<SettingsView>> => {
      if (!(await requestServerPermission(url))) return permissionDenied(url);
      const reply = await ask({
        type: 'settings.save',
        serverUrl: url,
        apiKey: key || undefined,
        notifications,
      });
      if (reply.ok) {
        setApiKey('');
        setServerUrl(reply.data.serverUrl);
        onSaved(reply.data);
      }
      return reply;
    },
  );

  const [removeState, removeKey, setRemoveState] = useAsync(
    async (url: ServerOrigin): Promise<Reply<SettingsView>> => {
      const reply = await ask({ type: 'settings.removeKey', serverUrl: url });
      if (reply.ok) {
        onSaved(reply.data);
        // The button goes away with the key: keep focus in the key field rather than lose it.
        keyInput.current?.focus();
      }
      return reply;
    },
  );

  /** Any edit or new action makes earlier outcomes stale. */
  const resetOutcomes = () => {
    setSaveState({ status: 'idle' });
    setRemoveState({ status: 'idle' });
  };

  const [testState, test] = useAsync(
    async (url: ServerOrigin, key: string): Promise<Reply<ConnectionReport>> => {
      if (!(await requestServerPermission(url))) return permissionDenied(url);
      return ask({ type: 'connection.test', serverUrl: url, apiKey: key || undefined });
    },
  );

  /** Validates the URL, then runs `action` with it, synchronously inside the click. */
  const withUrl = (action: (url: ServerOrigin) => unknown) => {
    const checked = checkUrl(serverUrl);
    if ('error' in checked) {
      setUrlError(checked.error);
      return;
    }
    setUrlError(null);
    action(checked.url);
  };

  /**
   * Checks the typed key (as people paste it: see lib/server/api-key.ts) and the URL, then runs `action`
   * with both. A key that cannot be sent is never saved or tested: the field says what is wrong.
   */
  const withKeyAndUrl = (action: (url: ServerOrigin, key: string) => unknown) => {
    const key = cleanApiKey(apiKey);
    if (!key.ok) {
      setKeyError(key.problem);
      keyInput.current?.focus();
      return;
    }
    setKeyError(null);
    // The background checks it again at its own boundary (lib/background/settings/settings.ts `typedKey`)
    withUrl((url) => action(url, key.key ?? ''));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRemoveState({ status: 'idle' });
    withKeyAndUrl(save);
  };

  // Keys belong to one server: the hint is the one for the URL in the field, saved or not.
  const formServer = checkUrl(serverUrl);
  const formOrigin = 'url' in formServer ? formServer.url : null;
  const savedHint = formOrigin ? (settings.keyHints[formOrigin] ?? null) : null;
  const keyPlaceholder = savedHint ? t('options.keySaved', { hint: savedHint }) : t('options.noKeySaved');
  const keysPage = apiKeysUrl(formOrigin ?? settings.serverUrl);

  return (
    <form className="form settings-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={ids.key}>{t('options.keyLabel')}</label>
        <div className="key-row">
          <input
            id={ids.key}
            ref={keyInput}
            type={revealed ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            placeholder={keyPlaceholder}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? `${ids.keyError} ${ids.keyHelp}` : ids.keyHelp}
            onChange={(e) => {
              setApiKey(e.target.value);
              setKeyError(null);
              resetOutcomes();
            }}
          />
          <button type="button" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
            {revealed ? t('options.hideKey') : t('options.showKey')}
          </button>
          {savedHint && (
            <button
              type="button"
              onClick={() => {
                setSaveState({ status: 'idle' });
                withUrl(removeKey);
              }}
              disabled={removeState.status === 'pending'}
            >
              {t('options.removeKey')}
            </button>
          )}
        </div>
        {keyError && (
          <p id={ids.keyError} className="message message-error">
            {keyError}
          </p>
        )}
        <p id={ids.keyHelp} className="help">
          {withSlots(t('options.keyHelp', { link: '{link}' }), {
            link: (
              <a href={keysPage} target="_blank" rel="noreferrer">
                {t('shared.apiKeysPage')}
              </a>
            ),
          })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.url}>{t('options.urlLabel')}</label>
        <input
          id={ids.url}
          type="url"
          inputMode="url"
          value={serverUrl}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? ids.urlError : undefined}
          onChange={(e) => {
            setServerUrl(e.target.value);
            resetOutcomes();
          }}
        />
        {urlError ? (
          <p id={ids.urlError} className="message message-error">
            {urlError}
          </p>
        ) : (
          <p className="help">{t('options.urlHelp', { cloud: CLOUD_ORIGIN })}</p>
        )}
      </div>
      <div className="field field-inline">
        <input
          id="notifications"
          type="checkbox"
          checked={notifications}
          onChange={(e) => {
            setNotifications(e.target.checked);
            setSaveState({ status: 'idle' });
          }}
        />
        <label htmlFor="notifications">{t('options.notifications')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saveState.status === 'pending'}>
          {t('options.save')}
        </button>
        <button type="button" onClick={() => withKeyAndUrl(test)} disabled={testState.status === 'pending'}>
          {t('options.testConnection')}
        </button>
        <span role="status" className="saved">
          {saveState.status === 'pending' && t('options.saving')}
          {saveState.status === 'done' && t('options.saved')}
          {removeState.status === 'pending' && t('options.removingKey')}
          {removeState.status === 'done' && t('options.keyRemoved')}
        </span>
      </div>
      {saveState.status === 'failed' && (
        <ErrorMessage error={saveState.error} serverUrl={formOrigin ?? settings.serverUrl} onOptionsPage />
      )}
      {removeState.status === 'failed' && (
        <ErrorMessage error={removeState.error} serverUrl={formOrigin ?? settings.serverUrl} onOptionsPage />
      )}
      <ConnectionResult state={testState} serverUrl={formOrigin ?? settings.serverUrl} />
    </form>
  );
}
