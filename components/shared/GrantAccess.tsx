import { useEffect, useState } from 'react';
import { hasRequiredAccess, requestRequiredAccess } from '@/components/shared/required-access';
import { t } from '@/lib/i18n';
import { CLOUD_HOST } from '@/lib/server/origin';

/**
 * A banner asking for access to GitHub and OpenHands Cloud when the browser did not grant it at install
 * (Firefox MV3). Renders nothing once access is granted.
 */
export function GrantAccess() {
  const [granted, setGranted] = useState(true);
  useEffect(() => {
    hasRequiredAccess().then(setGranted, () => setGranted(true));
  }, []);
  if (granted) return null;
  return (
    <div role="alert" className="message message-attention">
      <p>{t('shared.grantAccess.text', { cloudHost: CLOUD_HOST })}</p>
      <button type="button" className="primary" onClick={() => requestRequiredAccess().then(setGranted)}>
        {t('shared.grantAccess.button')}
      </button>
    </div>
  );
}
