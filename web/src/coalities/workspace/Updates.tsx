// Progress updates: dated, signed with the author and organisation, never edited (a correction
// is a new update), newest first.

import { useState } from 'react';
import { describeApiError, FormAlert, TextAreaField, TextField, useSubmission } from '../../components/Form.tsx';
import { formatFor } from '../../i18n/index.ts';
import { workspace } from '../../i18n/workspace.ts';
import { sendJson } from '../../lib/api.ts';
import { AddDisclosure, FormButtons, useWorkspace, WorkspaceSection } from './parts.tsx';

export function UpdatesSection() {
  const { coalition, lang } = useWorkspace();
  const t = workspace[lang];
  const f = formatFor(lang);
  const updates = [...coalition.updates].sort((a, b) => (a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)));
  return (
    <WorkspaceSection id="updates" title={t.updates} testId="updates-section">
      <p className="utrecht-paragraph">{t.updatesIntro}</p>
      {coalition.permissions.updates.create && <AddDisclosure label={t.addUpdate} testId="add-update">{(close) => <UpdateForm close={close} />}</AddDisclosure>}
      {updates.length === 0 ? (
        <p className="utrecht-paragraph">{t.updatesEmpty}</p>
      ) : (
        <ol className="kansrijk-ws-updates" data-testid="updates-list">
          {updates.map((u) => (
            <li key={u.id} data-testid="progress-update">
              <article>
                <p className="kansrijk-ws-update__meta">
                  <time dateTime={u.date}>{f.date(u.date)}</time> · {t.by(u.author.name, u.author.organisation)}
                </p>
                <p className="utrecht-paragraph kansrijk-ws-update__text">{u.text}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </WorkspaceSection>
  );
}

function UpdateForm({ close }: { close: () => void }) {
  const { lang, api, reload, announce } = useWorkspace();
  const t = workspace[lang];
  const [date, setDate] = useState(() => new Date().toLocaleDateString('en-CA'));
  const [text, setText] = useState('');
  const s = useSubmission(describeApiError(lang), ['date', 'text']);
  return (
    <form
      className="utrecht-form"
      noValidate
      onSubmit={(e) =>
        void s.submit(e, () => sendJson('POST', `${api}/updates`, { date, text })).then((ok) => {
          if (!ok) return;
          announce(t.saved(t.updateWord));
          close();
          reload();
        })
      }
    >
      <FormAlert message={s.error} />
      <TextAreaField label={t.updateText} name="text" errors={s.fieldErrors} value={text} onChange={setText} rows={4} required />
      <TextField label={t.updateDate} name="date" type="date" errors={s.fieldErrors} value={date} onChange={setDate} required />
      <FormButtons busy={s.busy} onCancel={close} label={t.postUpdate} />
    </form>
  );
}
