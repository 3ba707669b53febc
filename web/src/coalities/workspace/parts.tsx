// Shared parts of the coalition workspace: the context every section reads (the coalition, the
// language, reload and announce), an "add" disclosure that opens a form in place and returns
// focus to its button, and a remove button that asks once before it deletes.

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { describeApiError, FormAlert } from '../../components/Form.tsx';
import type { Lang } from '../../i18n/index.ts';
import { workspace } from '../../i18n/workspace.ts';
import { sendJson, type CoalitionDetail } from '../../lib/api.ts';

export interface Workspace {
  coalition: CoalitionDetail;
  lang: Lang;
  /** The coalition's API path, e.g. /api/v1/coalitions/{id}. */
  api: string;
  /** Read the coalition again after a change. */
  reload: () => void;
  /** Say something in the page's live region (a change saved, removed). */
  announce: (message: string) => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside the coalition workspace');
  return w;
}

/** A section of the workspace with its h2 (the id is the anchor of the page's contents list). */
export function WorkspaceSection({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="kansrijk-ws-section" data-testid={testId}>
      <h2 id={`${id}-heading`} className="utrecht-heading-2 utrecht-heading-2--distanced">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A button that opens a form below it. The form gets `close` to call after saving or
 * cancelling; focus goes to the form's first field on open and back to the button on close.
 */
export function AddDisclosure({ label, children, testId }: { label: string; testId?: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <div className="kansrijk-ws-add" data-testid={testId}>
      {!open && (
        <button ref={button} type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" aria-expanded={false} onClick={() => setOpen(true)}>
          + {label}
        </button>
      )}
      {open && (
        <div ref={panel} className="kansrijk-ws-form" role="group" aria-label={label}>
          <h3 className="utrecht-heading-3">{label}</h3>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

/** Remove something after one confirmation; the API's refusal (e.g. 409: still party to an agreement) is shown in place. */
export function RemoveButton({ what, name, path }: { what: string; name: string; path: string }) {
  const { lang, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="utrecht-button utrecht-button--subtle kansrijk-button-link" aria-label={`${t.remove}: ${name}`} onClick={() => setAsking(true)}>
        {t.remove}
      </button>
    );
  return (
    <span className="kansrijk-ws-confirm" role="group" aria-label={t.confirmRemove(what)}>
      <span>{t.confirmRemove(what)}</span>{' '}
      <button
        ref={confirm}
        type="button"
        className="utrecht-button utrecht-button--secondary-action kansrijk-button kansrijk-button--danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await sendJson('DELETE', path);
            announce(t.removed(`${what} “${name}”`));
            reload();
          } catch (e) {
            setError(describeApiError(lang)(e as Error));
            setBusy(false);
          }
        }}
      >
        {t.yesRemove}
      </button>{' '}
      <button type="button" className="utrecht-button utrecht-button--subtle kansrijk-button-link" onClick={() => (setAsking(false), setError(null))}>
        {t.cancel}
      </button>
      <FormAlert message={error} />
    </span>
  );
}

/** "Change" and "Remove" for one item, each only when the role may. */
export function ItemActions({ name, what, path, mayEdit, mayRemove, onEdit }: { name: string; what: string; path: string; mayEdit: boolean; mayRemove: boolean; onEdit: () => void }) {
  const { lang } = useWorkspace();
  const t = workspace[lang];
  if (!mayEdit && !mayRemove) return null;
  return (
    <div className="kansrijk-ws-actions">
      {mayEdit && (
        <button type="button" className="utrecht-button utrecht-button--subtle kansrijk-button-link" aria-label={`${t.edit}: ${name}`} onClick={onEdit}>
          {t.edit}
        </button>
      )}
      {mayRemove && <RemoveButton what={what} name={name} path={path} />}
    </div>
  );
}

/** Form buttons: save and cancel. */
export function FormButtons({ busy, onCancel, label }: { busy: boolean; onCancel: () => void; label?: string }) {
  const { lang } = useWorkspace();
  const t = workspace[lang];
  return (
    <div className="kansrijk-ws-buttons">
      <button type="submit" className="utrecht-button utrecht-button--primary-action kansrijk-button" disabled={busy} aria-disabled={busy || undefined}>
        {busy ? t.saving : (label ?? t.save)}
      </button>
      <button type="button" className="utrecht-button utrecht-button--secondary-action kansrijk-button" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

/**
 * '' → null, a number → the number (decimal comma allowed). Anything else is sent as typed, so
 * the API refuses it with a message at the field instead of the form quietly dropping it.
 */
export const numberOrNull = (value: string): number | string | null => {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return Number.isFinite(Number(v)) ? Number(v) : value;
};
export const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
