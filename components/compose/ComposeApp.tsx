import { useEffect, useState } from 'react';
import { ComposeForm } from '@/components/compose/ComposeForm';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import type { MessageError } from '@/lib/errors/error';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/protocol/ask';
import type { Draft } from '@/lib/storage/draft';
import './compose.css';
import type { ServerOrigin } from '@/lib/server/origin';

interface Props {
  /** The page's query string: `?draft=<id>` from the context menu. */
  search: string;
  /** Closes the compose window (Escape, Cancel, the Close button; the form asks first when edits would stay behind). */
  onClose(): void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: MessageError }
  | { status: 'ready'; draft: Draft; draftId: string | null; recent: string[]; serverUrl?: ServerOrigin };

/** A draft with nothing in it, for the page opened without one: the user can paste text. */
const emptyDraft = (): Draft => ({ text: '', url: '', createdAt: new Date().toISOString() });

/** Loads the selection the window was opened for, plus recent repositories, then shows the form. */
async function load(draftId: string | null): Promise<Loaded> {
  const [draft, recent, settings] = await Promise.all([
    draftId ? ask({ type: 'draft.get', id: draftId }) : null,
    ask({ type: 'repos.recent' }),
    ask({ type: 'settings.get' }),
  ]);
  if (draft && !draft.ok) return { status: 'failed', error: draft.error };
  return {
    status: 'ready',
    draft: draft?.data ?? emptyDraft(),
    draftId: draft ? draftId : null,
    recent: recent.ok ? recent.data : [],
    ...(settings.ok ? { serverUrl: settings.data.serverUrl } : {}),
  };
}

export function ComposeApp({ search, onClose }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    load(new URLSearchParams(search).get('draft')).then(setLoaded);
  }, [search]);

  // Escape closes the window; once the form shows, the form decides (it may hold edits worth asking about).
  const formShown = loaded.status === 'ready';
  useEffect(() => {
    if (formShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose, formShown]);

  return (
    <main className="compose">
      <header className="compose-header">
        <img src="/icon/48.png" alt="" width={24} height={24} />
        <h1>{t('compose.title')}</h1>
      </header>
      {loaded.status === 'loading' && <p aria-live="polite">{t('compose.loading')}</p>}
      {loaded.status === 'failed' && <ErrorMessage error={loaded.error} />}
      {loaded.status === 'ready' && (
        <ComposeForm
          draft={loaded.draft}
          draftId={loaded.draftId}
          recent={loaded.recent}
          serverUrl={loaded.serverUrl}
          onClose={onClose}
        />
      )}
    </main>
  );
}
