import { GearIcon } from '@primer/octicons-react/GearIcon';
import { SyncIcon } from '@primer/octicons-react/SyncIcon';
import { browser } from '#imports';

/** Title, refresh and settings. */
export function PopupHeader({ refreshing, onRefresh }: { refreshing: boolean; onRefresh(): void }) {
  return (
    <header className="popup-header">
      <img src="/icon/32.png" alt="" width={20} height={20} />
      <h1>Send to OpenHands</h1>
      <button
        type="button"
        className="icon-button"
        aria-label="Refresh"
        title="Refresh"
        aria-busy={refreshing}
        onClick={onRefresh}
      >
        <SyncIcon size={16} className={refreshing ? 'spin' : undefined} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Options"
        title="Options"
        onClick={() => browser.runtime.openOptionsPage()}
      >
        <GearIcon size={16} />
      </button>
    </header>
  );
}
