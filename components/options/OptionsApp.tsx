import { useEffect, useState } from 'react';
import { SettingsForm } from '@/components/options/SettingsForm';
import { GrantAccess } from '@/components/shared/GrantAccess';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/protocol/ask';
import type { SettingsView } from '@/lib/protocol/messages';
import './options.css';

export function OptionsApp() {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    ask({ type: 'settings.get' }).then((reply) => {
      if (reply.ok) setSettings(reply.data);
      else setLoadError(reply.error.message);
    });
  }, []);

  return (
    <main className="options">
      <header className="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('options.title')}</h1>
      </header>
      <GrantAccess />
      {loadError && (
        <p role="alert" className="message message-error">
          {loadError}
        </p>
      )}
      {settings ? (
        <SettingsForm settings={settings} onSaved={setSettings} />
      ) : (
        !loadError && <p aria-live="polite">{t('options.loading')}</p>
      )}
    </main>
  );
}
