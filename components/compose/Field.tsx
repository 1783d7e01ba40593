import type { ReactElement, ReactNode } from 'react';

/** What a field's control needs so its help, note and error are read with it. */
export interface FieldAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  /** The control's id; help, note and error get ids derived from it. */
  id: string;
  label: string;
  error?: string | undefined;
  help?: ReactNode;
  /** A warning about the value that does not stop sending (e.g. text that will be cut). */
  note?: ReactNode;
  children(aria: FieldAria): ReactElement;
}

/** A labelled form control with its error (next to it, `aria-invalid`), help and note. */
export function Field({ id, label, error, help, note, children }: Props) {
  const ids = { help: `${id}-help`, note: `${id}-note`, error: `${id}-error` };
  const describedBy = [error && ids.error, note && ids.note, help && ids.help].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {error && (
        <p id={ids.error} className="field-error">
          {error}
        </p>
      )}
      {note && (
        <p id={ids.note} className="note" role="note">
          {note}
        </p>
      )}
      {help && (
        <p id={ids.help} className="help">
          {help}
        </p>
      )}
    </div>
  );
}
