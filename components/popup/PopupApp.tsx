import { useEffect, useRef, useState } from 'react';
import { activeTabRepository } from '@/components/popup/active-tab';
import { ConversationList } from '@/components/popup/ConversationList';
import { EmptyState } from '@/components/popup/EmptyState';
import { inRepository } from '@/components/popup/format';
import { PopupHeader } from '@/components/popup/PopupHeader';
import { RepositoryFilter } from '@/components/popup/RepositoryFilter';
import { ServerNotice } from '@/components/popup/ServerNotice';
import { SetupNotice } from '@/components/popup/SetupNotice';
import type { StoredList } from '@/components/popup/stored-list';
import { useConversationList } from '@/components/popup/use-conversation-list';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import { GrantAccess } from '@/components/shared/GrantAccess';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import { CLOUD_ORIGIN, type ServerOrigin } from '@/lib/server/origin';
import './popup.css';

/** Relative times are redrawn this often. */
const CLOCK_TICK_MS = 30_000;
const KEY_REJECTED = new Set(['unauthorized', 'forbidden']);

/** A clock for relative times: ticks now and then, and whenever `reason` changes. */
function useNow(reason: unknown): Date {
  const [now, setNow] = useState(() => new Date());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reason` is the trigger, not an input
  useEffect(() => setNow(new Date()), [reason]);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What went wrong, where it matters: no key, a rejected key, or a server that could not be asked. */
function Notice(props: { error: MessageError; serverUrl: ServerOrigin; hasItems: boolean; onRetry(): void }) {
  if (props.error.code === 'no_key') return <SetupNotice serverUrl={props.serverUrl} />;
  if (KEY_REJECTED.has(props.error.code))
    return <ErrorMessage error={props.error} serverUrl={props.serverUrl} />;
  return <ServerNotice error={props.error} showingSaved={props.hasItems} onRetry={props.onRetry} />;
}

/**
 * The toolbar popup: what the agent is doing for me right now, one click from each conversation. `stored`:
 * the stored list, when the page started reading it before rendering.
 */
export function PopupApp({ stored }: { stored?: StoredList }) {
  const { state, refresh, loadMore } = useConversationList(stored);
  const [repository, setRepository] = useState<string | null>(null);
  const [filtered, setFiltered] = useState(false);
  const now = useNow(state.reply);
  const focusAfterMore = useRef<Set<string> | null>(null);

  useEffect(() => {
    activeTabRepository().then(setRepository);
  }, []);

  const serverUrl = state.reply?.serverUrl ?? CLOUD_ORIGIN;
  const error = state.reply?.serverError ?? state.messageError;
  const visible = filtered && repository ? inRepository(state.items, repository) : state.items;
  const loading = !state.reply && !state.messageError;
  const empty = !loading && !error && state.items.length === 0;

  // After "Load more", focus the first new row, so keyboard users continue where the list grew.
  useEffect(() => {
    const before = focusAfterMore.current;
    if (!before || state.loadingMore) return;
    focusAfterMore.current = null;
    const links = document.querySelectorAll<HTMLAnchorElement>('a.row-link');
    [...links].find((link) => !before.has(link.dataset.key ?? ''))?.focus();
  });

  const onLoadMore = () => {
    focusAfterMore.current = new Set(visible.map((item) => item.key));
    void loadMore();
  };

  return (
    <div className="popup">
      <PopupHeader refreshing={state.refreshing} onRefresh={() => void refresh()} />
      <main className="popup-body">
        <GrantAccess />
        {error && (
          <Notice
            error={error}
            serverUrl={serverUrl}
            hasItems={state.items.length > 0}
            onRetry={() => void refresh()}
          />
        )}
        {repository && state.items.length > 0 && (
          <div className="toolbar">
            <RepositoryFilter repository={repository} active={filtered} onChange={setFiltered} />
          </div>
        )}
        {loading && (
          <p role="status" className="loading">
            {t('popup.loading')}
          </p>
        )}
        {visible.length > 0 && (
          <ConversationList
            items={visible}
            now={now}
            label={
              filtered && repository
                ? t('popup.conversationsOn', { repository })
                : t('popup.recentConversations')
            }
          />
        )}
        {filtered && repository && visible.length === 0 && state.items.length > 0 && (
          <p className="filter-empty">
            {t(state.nextPageId ? 'popup.noneOnRepositoryMore' : 'popup.noneOnRepository', { repository })}
          </p>
        )}
        {empty && <EmptyState serverUrl={serverUrl} />}
        {state.nextPageId && state.items.length > 0 && (
          <button type="button" className="load-more" onClick={onLoadMore} disabled={state.loadingMore}>
            {state.loadingMore ? t('popup.loadingMore') : t('popup.loadMore')}
          </button>
        )}
        {state.moreError && (
          <ServerNotice error={state.moreError} showingSaved={false} onRetry={onLoadMore} />
        )}
      </main>
    </div>
  );
}
