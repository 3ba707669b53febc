// The form parts of the working screens (coalition workspace, funding, accounts): labelled
// fields whose error sits next to the input (aria-invalid + aria-describedby), a form-level
// alert that takes focus, and a hook that submits to the API and routes a 400's `field` to its
// input. One look and one behaviour for every form.

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { common } from '../i18n/common.ts';
import type { Lang } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';

interface FieldProps {
  label: string;
  /** The API field name: a 400 naming it shows its message here. */
  name: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
}

export type FieldErrors = Partial<Record<string, string>>;

function FieldFrame({ id, label, hint, error, children, kind }: { id: string; label: string; hint?: string; error?: string; children: ReactNode; kind: string }) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind} kansrijk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint && (
        <div className="utrecht-form-field-description kansrijk-field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(props: FieldProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'url'; autoComplete?: string; inputMode?: 'numeric' | 'decimal'; step?: string; min?: string; max?: string }) {
  const id = useId();
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error} kind="text">
      <input
        id={id}
        name={props.name}
        className="utrecht-textbox utrecht-textbox--html-input"
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        step={props.step}
        min={props.min}
        max={props.max}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const id = useId();
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error} kind="textarea">
      <textarea
        id={id}
        name={props.name}
        className="utrecht-textarea utrecht-textarea--html-textarea"
        rows={props.rows ?? 4}
        value={props.value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { value: string; onChange: (value: string) => void; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  const error = props.errors?.[props.name];
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error} kind="select">
      <select
        id={id}
        name={props.name}
        className="utrecht-select utrecht-select--html-select"
        value={props.value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes (e.g. the parties of an agreement) in a fieldset with its legend. */
export function CheckboxGroup(props: FieldProps & { values: string[]; onChange: (values: string[]) => void; options: { value: string; label: string }[] }) {
  const id = useId();
  const error = props.errors?.[props.name];
  const toggle = (value: string, on: boolean) => props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <fieldset className={`utrecht-form-fieldset kansrijk-field kansrijk-checkboxes${error ? ' utrecht-form-fieldset--invalid' : ''}`} aria-describedby={describedBy(id, props.hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-label">{props.label}</legend>
      {props.hint && (
        <div className="utrecht-form-field-description kansrijk-field__hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      )}
      {props.options.map((o, n) => (
        <div key={o.value} className="kansrijk-checkbox">
          <input id={`${id}-${n}`} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" checked={props.values.includes(o.value)} onChange={(e) => toggle(o.value, e.currentTarget.checked)} />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-${n}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The form's message for errors not tied to one field (403, 409, network); takes focus so it is read out. */
export function FormAlert({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kansrijk-error kansrijk-form-alert" role="alert">
      {message}
    </div>
  );
}

export interface Submission {
  busy: boolean;
  /** Message for the whole form (FormAlert). */
  error: string | null;
  /** Messages per API field name. */
  fieldErrors: FieldErrors;
  /** Run the request; a 400 naming a field puts its message at that field, anything else in the alert. Resolves true on success. */
  submit: (event: FormEvent<HTMLFormElement> | undefined, run: () => Promise<unknown>) => Promise<boolean>;
  reset: () => void;
}

/**
 * Submitting a form to the API. `describe` turns an error into the words for the user (status
 * and code are in the ApiError). Field messages are the API's own (`field 'x': must …`), shown
 * without the prefix. When a field error cannot be placed (no input of that name), it goes to
 * the alert, so nothing is ever lost.
 */
export function useSubmission(describe: (error: ApiError | Error) => string, fieldNames?: readonly string[]): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  return {
    busy,
    error,
    fieldErrors,
    reset: () => {
      setError(null);
      setFieldErrors({});
    },
    submit: async (event, run) => {
      event?.preventDefault();
      setBusy(true);
      setError(null);
      setFieldErrors({});
      try {
        await run();
        setBusy(false);
        return true;
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        const field = err instanceof ApiError && err.status === 400 ? err.field : undefined;
        const base = field?.split('.')[0];
        if (base && (!fieldNames || fieldNames.includes(base))) {
          setFieldErrors({ [base]: err.message.replace(/^field '[^']*':\s*/, '') });
          setError(describe(err));
        } else {
          setError(describe(err));
        }
        setBusy(false);
        return false;
      }
    },
  };
}

export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button" disabled={busy} aria-disabled={busy || undefined}>
      {busy ? busyLabel : label}
    </button>
  );
}

/** The usual words for an API error, in the page's language (the API's messages are English and name the field). */
export function describeApiError(lang: Lang): (error: ApiError | Error) => string {
  const t = common[lang];
  return (error) => {
    if (!(error instanceof ApiError)) return t.errorOther(error.message);
    if (error.status === 401) return t.errorSignedOut;
    if (error.status === 403) return t.errorForbidden;
    if (error.status === 409) return t.errorConflict(error.message);
    if (error.status === 400) return t.errorInvalid(error.message);
    return t.errorOther(error.message);
  };
}
