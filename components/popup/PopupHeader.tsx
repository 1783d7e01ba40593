import { GearIcon } from '@primer/octicons-react/GearIcon';
import { SyncIcon } from '@primer/octicons-react/SyncIcon';
import { browser } from '#imports';
import { t } from '@/lib/i18n';

/** Title, refresh and settings. */
export function PopupHeader({ refreshing, onRefresh }: { refreshing: boolean; onRefresh(): void }) {
  return (
    <header className="popup-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>{t('popup.title')}</h1>
      <button
        type="button"
        className="icon-button"
        aria-label={t('popup.refresh')}
        title={t('popup.refresh')}
        aria-busy={refreshing}
        onClick={onRefresh}
      >
        <SyncIcon size={16} className={refreshing ? 'spin' : undefined} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('popup.options')}
        title={t('popup.options')}
        onClick={() => browser.runtime.openOptionsPage()}
      >
        <GearIcon size={16} />
      </button>
    </header>
  );
}
