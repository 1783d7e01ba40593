import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageError } from '@/lib/errors/error';
import { EXTENSION_MESSAGES } from '@/lib/errors/messages';
import { ask } from '@/lib/protocol/ask';
import { type ComposeFields, MAX_DRAFT_CHARS } from '@/lib/storage/draft';

/** Edits are saved this long after the last keystroke (and at once when the window is being closed). */
export const SAVE_DELAY_MS = 400;

/** What became of the user's edits: nothing to keep yet, being saved, kept with the draft, or not kept. */
export type EditsState =
  | { status: 'unchanged' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; error: MessageError };

/** Keeps `fields` with draft `draftId` through the background; says why when they cannot be kept. */
async function saveEdits(draftId: string | null, fields: ComposeFields): Promise<EditsState> {
  if (!draftId) {
    return { status: 'failed', error: { code: 'no_draft', message: EXTENSION_MESSAGES.no_draft() } };
  }
  if (fields.text.length > MAX_DRAFT_CHARS) {
    const message = EXTENSION_MESSAGES.too_long({ limit: MAX_DRAFT_CHARS });
    return { status: 'failed', error: { code: 'too_long', message } };
  }
  const reply = await ask({ type: 'draft.save', id: draftId, fields });
  return reply.ok ? { status: 'saved' } : { status: 'failed', error: reply.error };
}

/**
 * Saves the compose form's fields with its draft shortly after each change, one save at a time, so that
 * closing the window (Escape, Cancel, its close button) loses nothing. `flush` saves what is pending at once
 * and resolves with the outcome.
 */
export function useDraftEdits(draftId: string | null, fields: ComposeFields) {
  const [state, setState] = useState<EditsState>({ status: 'unchanged' });
  const latest = useRef(fields);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<EditsState>>(Promise.resolve({ status: 'unchanged' }));

  const saveNow = useCallback((): Promise<EditsState> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // Chained, so an older save can never land after a newer one; each sends the fields current when it runs.
    queue.current = queue.current
      .then(() => saveEdits(draftId, latest.current))
      .then((next) => {
        setState(next);
        return next;
      });
    return queue.current;
  }, [draftId]);

  useEffect(() => {
    if (latest.current === fields) return;
    latest.current = fields;
    setState({ status: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  }, [fields, saveNow]);

  // The window's own close button gives no chance to ask: save what is pending as the page goes.
  useEffect(() => {
    const onPageHide = () => {
      if (timer.current !== undefined) void saveNow();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      clearTimeout(timer.current);
    };
  }, [saveNow]);

  const flush = useCallback(
    (): Promise<EditsState> => (timer.current !== undefined ? saveNow() : queue.current),
    [saveNow],
  );
  return { state, flush };
}
