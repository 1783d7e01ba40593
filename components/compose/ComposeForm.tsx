import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { CloseQuestion } from '@/components/compose/CloseQuestion';
import { Field } from '@/components/compose/Field';
import { inferRepository } from '@/components/compose/repository';
import { SendResult } from '@/components/compose/SendResult';
import { type EditsState, useDraftEdits } from '@/components/compose/use-draft-edits';
import {
  type ComposeField,
  type ComposeFields,
  type FieldErrors,
  prepareStart,
} from '@/components/compose/validate';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import { useAsync } from '@/components/shared/use-async';
import type { StartInput } from '@/lib/conversations/start-input';
import { MAX_MESSAGE_CHARS } from '@/lib/conversations/start-input';
import { formatNumber, t } from '@/lib/i18n';
import { buildMessage } from '@/lib/prompts/selection';
import { COMPOSE_ACTIONS, DEFAULT_ACTION, isComposeAction } from '@/lib/prompts/selection-presets';
import { ask } from '@/lib/protocol/ask';
import { newRequestId, sendRepeatable, startError } from '@/lib/protocol/send';
import type { ServerOrigin } from '@/lib/server/origin';
import type { Draft } from '@/lib/storage/draft';

interface Props {
  draft: Draft;
  /** The draft's id, under which edits are kept; null when the page was opened without one. */
  draftId: string | null;
  /** Recent repositories, most recent first. */
  recent: string[];
  serverUrl?: ServerOrigin;
  /** Closes the window; the form asks first when that would leave edits behind. */
  onClose(): void;
}

const FIELD_ORDER: ComposeField[] = ['text', 'url', 'repository', 'branch'];

/** The form as the selection fills it, before any edit. */
const fieldsFromSelection = (draft: Draft, recent: string[]): ComposeFields => ({
  text: draft.text,
  url: draft.url,
  repository: inferRepository(draft.url, recent),
  branch: '',
  action: DEFAULT_ACTION,
});

const sameFields = (a: ComposeFields, b: ComposeFields) =>
  a.text === b.text &&
  a.url === b.url &&
  a.repository === b.repository &&
  a.branch === b.branch &&
  a.action === b.action;

/** The compose window's form: the selection, where it came from, where it goes and what to do with it. */
export function ComposeForm({ draft, draftId, recent, serverUrl, onClose }: Props) {
  const ids = {
    text: useId(),
    url: useId(),
    repository: useId(),
    // Not `useId()`: React 18's ids (`:r1:`) are not valid CSS ids, and happy-dom (unit tests) resolves
    // `list` with a selector. The window holds one form, so a fixed id is unique.
    recent: 'recent-repositories',
    branch: useId(),
    action: useId(),
  };
  // Edits kept from an earlier window for this selection come back as they were left.
  const [opened] = useState<ComposeFields>(() => {
    if (!draft.edits) return fieldsFromSelection(draft, recent);
    const { savedAt: _savedAt, ...kept } = draft.edits;
    return kept;
  });
  const [fields, setFields] = useState<ComposeFields>(opened);
  const [restored, setRestored] = useState(Boolean(draft.edits));
  const edits = useDraftEdits(draftId, fields);
  /** Set while asking whether to close with edits in the window: what became of them. */
  const [closing, setClosing] = useState<EditsState | null>(null);
  const focusBeforeQuestion = useRef<HTMLElement | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    text: useRef<HTMLTextAreaElement>(null),
    url: useRef<HTMLInputElement>(null),
    repository: useRef<HTMLInputElement>(null),
    branch: useRef<HTMLInputElement>(null),
  };
  // One request id per Send: sent again with it, the background starts it once (lib/protocol/send.ts).
  const [sendState, send, setSendState] = useAsync(async (input: StartInput) => {
    const request = { type: 'conversation.start' as const, input, requestId: newRequestId() };
    const reply = await sendRepeatable(() => ask(request));
    return reply.ok ? reply : { ok: false as const, error: startError(reply.error) };
  });
  // The window opens for this form: start where typing is needed, the repository if none was found.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the window opens
  useEffect(() => {
    (fields.repository ? refs.text : refs.repository).current?.focus();
  }, []);
  const withRepository = fields.repository.trim() !== '';
  const { cut } = useMemo(
    () => buildMessage({ action: fields.action, text: fields.text, url: fields.url, withRepository }),
    [fields.action, fields.text, fields.url, withRepository],
  );

  const sent = sendState.status === 'done';
  const dirty = !sameFields(fields, opened);

  // Escape or Cancel: close at once when nothing would be left behind, else ask (after keeping the edits).
  const requestClose = async () => {
    if (sent || !dirty) return onClose();
    focusBeforeQuestion.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setClosing(await edits.flush());
  };
  const keepEditing = () => {
    setClosing(null);
    (focusBeforeQuestion.current ?? refs.text.current)?.focus();
  };

  // Listens on the document, so Escape works wherever the focus is; again while asking, it keeps editing.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      if (closing) keepEditing();
      else void requestClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  });

  if (sent) return <SendResult record={sendState.data} onClose={onClose} />;
  const sending = sendState.status === 'pending';

  const update = (field: keyof ComposeFields, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setClosing(null);
    setErrors(({ [field as ComposeField]: _cleared, ...rest }) => rest);
    if (sendState.status === 'failed') setSendState({ status: 'idle' });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const prepared = prepareStart(fields);
    if (!prepared.ok) {
      setErrors(prepared.errors);
      const first = FIELD_ORDER.find((field) => prepared.errors[field]);
      if (first) refs[first].current?.focus();
      return;
    }
    setErrors({});
    // The pending save goes now, with the send, rather than after it: once sent, the window sends nothing.
    void edits.flush();
    void send(prepared.input);
  };

  // Enter sends from single-line fields (the browser's own), Ctrl/Cmd+Enter from the text, Enter from the select.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const isText = event.target instanceof HTMLTextAreaElement;
    const isSelect = event.target instanceof HTMLSelectElement;
    if ((isText && (event.ctrlKey || event.metaKey)) || isSelect) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  const startOver = () => {
    setFields(fieldsFromSelection(draft, recent));
    setErrors({});
    setRestored(false);
    refs.text.current?.focus();
  };

  return (
    <form className="form compose-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      {restored && (
        <div role="status" className="message restored">
          <p>{t('compose.restored')}</p>
          <button type="button" className="link-button" onClick={startOver}>
            {t('compose.startOver')}
          </button>
        </div>
      )}
      <Field
        id={ids.text}
        label={t('compose.textLabel')}
        error={errors.text}
        help={t('compose.textHelp', fields.text.length, [formatNumber(fields.text.length)])}
        note={
          cut > 0 &&
          t('compose.textCut', cut, [formatNumber(cut)], { limit: formatNumber(MAX_MESSAGE_CHARS) })
        }
      >
        {(aria) => (
          <textarea
            id={ids.text}
            ref={refs.text}
            rows={10}
            spellCheck={false}
            value={fields.text}
            onChange={(e) => update('text', e.target.value)}
            {...aria}
          />
        )}
      </Field>
      <Field id={ids.url} label={t('compose.urlLabel')} error={errors.url}>
        {(aria) => (
          <input
            id={ids.url}
            ref={refs.url}
            type="url"
            spellCheck={false}
            value={fields.url}
            onChange={(e) => update('url', e.target.value)}
            {...aria}
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          id={ids.repository}
          label={t('compose.repositoryLabel')}
          error={errors.repository}
          help={recent.length > 0 ? t('compose.repositoryHelpRecent') : t('compose.repositoryHelp')}
        >
          {(aria) => (
            <>
              <input
                id={ids.repository}
                ref={refs.repository}
                type="text"
                list={ids.recent}
                autoComplete="off"
                spellCheck={false}
                placeholder={t('compose.repositoryPlaceholder')}
                value={fields.repository}
                onChange={(e) => update('repository', e.target.value)}
                {...aria}
              />
              <datalist id={ids.recent}>
                {recent.map((repository) => (
                  <option key={repository} value={repository} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          id={ids.branch}
          label={t('compose.branchLabel')}
          error={errors.branch}
          help={t('compose.branchHelp')}
        >
          {(aria) => (
            <input
              id={ids.branch}
              ref={refs.branch}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={fields.branch}
              onChange={(e) => update('branch', e.target.value)}
              {...aria}
            />
          )}
        </Field>
      </div>
      <Field id={ids.action} label={t('compose.actionLabel')}>
        {() => (
          <select
            id={ids.action}
            value={fields.action}
            onChange={(e) => isComposeAction(e.target.value) && update('action', e.target.value)}
          >
            {COMPOSE_ACTIONS.map((action) => (
              <option key={action.id} value={action.id}>
                {action.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {sendState.status === 'failed' && <ErrorMessage error={sendState.error} serverUrl={serverUrl} />}
      {edits.state.status === 'failed' && draftId && (
        <p className="note" role="note">
          {edits.state.error.code === 'too_long'
            ? edits.state.error.message
            : t('compose.editsNotKept', { reason: edits.state.error.message })}
        </p>
      )}
      {closing ? (
        <CloseQuestion edits={closing} onClose={onClose} onKeepEditing={keepEditing} />
      ) : (
        <div className="actions">
          <button type="submit" className="primary" disabled={sending} aria-busy={sending || undefined}>
            {sending ? t('compose.sending') : t('compose.send')}
          </button>
          <button type="button" onClick={() => void requestClose()}>
            {t('compose.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
