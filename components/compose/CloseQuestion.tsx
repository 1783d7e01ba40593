import { useEffect, useId, useRef } from 'react';
import type { EditsState } from '@/components/compose/use-draft-edits';
import { t } from '@/lib/i18n';

interface Props {
  /** What became of the edits, so the question says whether closing loses them. */
  edits: EditsState;
  onClose(): void;
  onKeepEditing(): void;
}

/**
 * Asked when the window is closed (Escape, Cancel) with edits in it: says whether the edits are kept and
 * how to get back to them, and starts on the safe choice.
 */
export function CloseQuestion({ edits, onClose, onKeepEditing }: Props) {
  const ids = { title: useId(), text: useId() };
  const keepEditing = useRef<HTMLButtonElement>(null);
  useEffect(() => keepEditing.current?.focus(), []);
  const kept = edits.status === 'saved';
  return (
    <div
      role="alertdialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.text}
      className="message message-attention close-question"
    >
      <p id={ids.title} className="close-question-title">
        {t('compose.close.title')}
      </p>
      <p id={ids.text}>
        {kept
          ? t('compose.close.kept', { menuItem: t('compose.title') })
          : edits.status === 'failed'
            ? t('compose.close.lostBecause', { reason: edits.error.message })
            : t('compose.close.lost')}
      </p>
      <div className="actions">
        <button type="button" ref={keepEditing} className="primary" onClick={onKeepEditing}>
          {t('compose.close.keepEditing')}
        </button>
        <button type="button" onClick={onClose}>
          {kept ? t('compose.close.close') : t('compose.close.discard')}
        </button>
      </div>
    </div>
  );
}
