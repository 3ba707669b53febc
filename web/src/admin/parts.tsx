// Pieces shared by the audit-trail, accounts and own-account screens: the signed-out and
// not-allowed notices, a confirmation step, a status message, and the API's field messages in
// the page's language (so that useSubmission shows them at their field).

import { useEffect, useRef } from 'react';
import { describeApiError } from '../components/Form.tsx';
import { admin } from '../i18n/admin.ts';
import { LOCALES, type Lang } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';
import { href, onLinkClick } from '../router.ts';
import './admin.css';

/** A small icon beside a word (never instead of it): a tick, a no-entry sign, a warning triangle. */
export function Icon({ kind }: { kind: 'success' | 'denied' | 'failure' | 'warning' }) {
  return (
    <svg className={`kansrijk-admin-icon kansrijk-admin-icon--${kind}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {kind === 'success' && <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.2" />}
      {kind === 'denied' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <rect x="3.5" y="6.8" width="9" height="2.4" fill="#fff" />
        </>
      )}
      {(kind === 'failure' || kind === 'warning') && (
        <>
          <path d="M8 1.2L15.2 14.5H0.8Z" fill="currentColor" />
          <rect x="7.1" y="5.5" width="1.8" height="4.8" fill="#fff" />
          <rect x="7.1" y="11.3" width="1.8" height="1.8" fill="#fff" />
        </>
      )}
    </svg>
  );
}

/** Not signed in (401): say so, with the way to the sign-in page. */
export function SignedOutNotice({ lang, text }: { lang: Lang; text?: string }) {
  const t = admin[lang];
  return (
    <div className="kansrijk-admin-notice" role="status" data-testid="signed-out">
      <p className="utrecht-paragraph">
        {t.notSignedIn} {text}
      </p>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={href({ page: 'signin', lang })} onClick={onLinkClick}>
          {t.toSignIn}
        </a>
      </p>
    </div>
  );
}

/** The role may not use this screen (403). */
export function NotAllowed({ text }: { text: string }) {
  return (
    <p className="kansrijk-admin-notice kansrijk-admin-notice--refused" role="alert" data-testid="not-allowed">
      {text}
    </p>
  );
}

/** A success message, read out politely. */
export function Done({ message }: { message: string | null }) {
  return (
    <p className={message ? 'kansrijk-admin-done' : 'kansrijk-admin-done kansrijk-admin-done--empty'} role="status">
      {message ? (
        <>
          <Icon kind="success" /> {message}
        </>
      ) : null}
    </p>
  );
}

/**
 * The step between a button and an act that cannot simply be undone: the question (focused, so
 * it is read out), a confirming button and a way back.
 */
export function Confirm(props: { question: string; yes: string; busyLabel: string; cancel: string; busy: boolean; onYes: () => void; onCancel: () => void; testId?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="kansrijk-admin-confirm" data-testid={props.testId}>
      <p ref={ref} tabIndex={-1} className="utrecht-paragraph kansrijk-admin-confirm__question">
        <Icon kind="warning" /> {props.question}
      </p>
      <div className="kansrijk-admin-buttons">
        <button type="button" className="utrecht-button utrecht-button--primary-action kansrijk-button" disabled={props.busy} aria-disabled={props.busy || undefined} onClick={props.onYes}>
          {props.busy ? props.busyLabel : props.yes}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </div>
  );
}

/**
 * Runs an API request and puts a failure about one field (400 with `field`, or 409 naming a
 * field such as an e-mail address in use) in the page's words, as a 400 at that field, which
 * useSubmission then shows next to the input. `choose` has the words per list field for
 * "nothing chosen".
 */
export async function atFields<T>(lang: Lang, request: Promise<T>, choose: Record<string, string> = {}): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 400 || error.status === 409) && error.field) {
      const raw = error.message.replace(/^(field|parameter) '[^']*'( = '[^']*')?:\s*/, '');
      // Nothing (or nothing valid) chosen in a list: the words the form gives for that list.
      const notChosen = /^(Invalid option|must be the id)/.test(raw) ? choose[error.field] : undefined;
      throw fieldError(error.field, notChosen ?? admin[lang].fieldMessage(raw));
    }
    throw error;
  }
}

/** A 400 about one field, for checks the browser makes itself (the same path as the API's). */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError(400, `field '${field}': ${message}`, field);
}

/** The form alert's words: a field error names the field; anything else in the usual words. */
export function describeFor(lang: Lang, labels: Record<string, string>): (error: ApiError | Error) => string {
  const usual = describeApiError(lang);
  return (error) => {
    const field = error instanceof ApiError && error.status === 400 ? error.field?.split('.')[0] : undefined;
    const label = field ? labels[field] : undefined;
    return label ? admin[lang].checkField(label, error.message.replace(/^field '[^']*':\s*/, '')) : usual(error);
  };
}

/** An e-mail address that may wrap after the @, never inside a word. */
export function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

/** Date and time of an event: "12 maart 2026 14:03:07". */
export function dateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}

/** The status of a failed load: what the screen should say. */
export function failureKind(error: Error): 'signed-out' | 'forbidden' | 'invalid' | 'other' {
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 401) return 'signed-out';
  if (error.status === 403) return 'forbidden';
  if (error.status === 400) return 'invalid';
  return 'other';
}
