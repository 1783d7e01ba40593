import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Field } from '@/components/compose/Field';
import { SendResult } from '@/components/compose/SendResult';
import { ErrorMessage } from '@/components/shared/ErrorMessage';
import type { Draft } from '@/lib/compose/draft';
import { inferRepository } from '@/lib/compose/repository';
import { buildMessage, COMPOSE_ACTIONS, DEFAULT_ACTION, isComposeAction } from '@/lib/compose/templates';
import {
  type ComposeField,
  type ComposeFields,
  type FieldErrors,
  prepareStart,
} from '@/lib/compose/validate';
import { startConversationReply } from '@/lib/messages';
import type { StartInput } from '@/lib/start-input';
import { MAX_MESSAGE_CHARS } from '@/lib/start-input';
import { sendMessage } from '@/lib/ui/send-message';
import { useAsync } from '@/lib/ui/use-async';

interface Props {
  draft: Draft;
  /** Recent repositories, most recent first. */
  recent: string[];
  serverUrl?: string;
  onClose(): void;
}

const FIELD_ORDER: ComposeField[] = ['text', 'url', 'repository', 'branch'];
const count = (n: number) => n.toLocaleString('en-US');

/** The compose window's form: the selection, where it came from, where it goes and what to do with it. */
export function ComposeForm({ draft, recent, serverUrl, onClose }: Props) {
  const ids = {
    text: useId(),
    url: useId(),
    repository: useId(),
    recent: useId(),
    branch: useId(),
    action: useId(),
  };
  const [fields, setFields] = useState<ComposeFields>(() => ({
    text: draft.text,
    url: draft.url,
    repository: inferRepository(draft.url, recent),
    branch: '',
    action: DEFAULT_ACTION,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    text: useRef<HTMLTextAreaElement>(null),
    url: useRef<HTMLInputElement>(null),
    repository: useRef<HTMLInputElement>(null),
    branch: useRef<HTMLInputElement>(null),
  };
  const [sendState, send, setSendState] = useAsync((input: StartInput) =>
    sendMessage({ type: 'conversation.start', input }, startConversationReply),
  );
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

  if (sendState.status === 'done') return <SendResult record={sendState.data} onClose={onClose} />;
  const sending = sendState.status === 'pending';

  const update = (field: keyof ComposeFields, value: string) => {
    setFields((current) => ({ ...current, [field]: value }));
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

  return (
    <form className="form compose-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <Field
        id={ids.text}
        label="Text"
        error={errors.text}
        help={`${count(fields.text.length)} characters. Ctrl+Enter sends, Escape closes.`}
        note={
          cut > 0 &&
          `This is longer than OpenHands accepts in one message (${count(MAX_MESSAGE_CHARS)} characters). The middle ${count(cut)} characters will be left out, marked where they were cut. Shorten the text to choose what to keep.`
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
      <Field id={ids.url} label="Source URL" error={errors.url}>
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
          label="Repository"
          error={errors.repository}
          help={
            recent.length > 0
              ? 'Optional: type owner/repo or pick a recent one; empty starts without a repository.'
              : 'Optional: type owner/repo; empty starts without a repository.'
          }
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
                placeholder="owner/repo"
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
          label="Branch"
          error={errors.branch}
          help="Optional: empty uses the default branch."
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
      <Field id={ids.action} label="Action">
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
      <div className="actions">
        <button type="submit" className="primary" disabled={sending} aria-busy={sending || undefined}>
          {sending ? 'Sending…' : 'Send to OpenHands'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
